package io.unifiedcrm.system.projections.rebuild;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * A pooled streaming processor of its own name and tokens that runs a live processor's handlers from the first event:
 * its tokens start as replay tokens up to the head of the stream at its creation, so up to there the handlers see a
 * replay — {@code @DisallowReplay} handlers do not run, {@code ReplayStatus} parameters say {@code REPLAY} — and
 * after it they see regular events. Runs on threads of its own, which {@link #stop()} ends.
 */
final class ShadowProcessor {

    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;

    private ShadowProcessor(PooledStreamingEventProcessor processor, ScheduledExecutorService coordinator,
                            ScheduledExecutorService workers) {
        this.processor = processor;
        this.coordinator = coordinator;
        this.workers = workers;
    }

    /**
     * Stores the tokens of processor {@code name} for the given segments (those of the live processor, so the split
     * of the stream is the same) and builds the processor, not started.
     *
     * @param tokenTransactions the transactions the tokens are stored in now
     * @param batchTransactions the transactions the processor handles its batches and stores its tokens in
     */
    static ShadowProcessor create(String name, int[] segments, EventHandlerInvoker handlers,
                                  StreamableMessageSource<TrackedEventMessage<?>> source, TokenStore tokens,
                                  TransactionManager tokenTransactions, TransactionManager batchTransactions,
                                  int batchSize) {
        TrackingToken replay = ReplayToken.createReplayToken(source.createHeadToken());
        tokenTransactions.executeInTransaction(() -> {
            for (int segment : segments) {
                tokens.initializeSegment(replay, name, segment);
            }
        });
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(threads(name, "coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(segments.length, threads(name, "worker"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(handlers)
                .messageSource(source)
                .tokenStore(tokens)
                .transactionManager(batchTransactions)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments.length)
                .batchSize(batchSize)
                .build();
        return new ShadowProcessor(processor, coordinator, workers);
    }

    private static ThreadFactory threads(String name, String role) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + role + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    void start() {
        processor.start();
    }

    Map<Integer, EventTrackerStatus> processingStatus() {
        return processor.processingStatus();
    }

    boolean isError() {
        return processor.isError();
    }

    /** Stops the processor, once its current batch is done, and its threads. */
    void stop() {
        processor.shutdownAsync().join();
        coordinator.shutdownNow();
        workers.shutdownNow();
    }
}
