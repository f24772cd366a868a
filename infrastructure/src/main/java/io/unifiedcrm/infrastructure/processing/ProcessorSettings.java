package io.unifiedcrm.infrastructure.processing;

/**
 * How the pooled streaming processors run: segments a processor's tokens are created with, events per batch (one
 * transaction) and worker threads per processor.
 */
public record ProcessorSettings(int initialSegments, int batchSize, int workerThreads) {
}
