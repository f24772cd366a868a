package io.unifiedcrm.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Latencies (nanoseconds) recorded concurrently, read as percentiles in milliseconds. */
final class Percentiles {

    private final long[] samples;
    private final AtomicInteger count = new AtomicInteger();

    Percentiles(int capacity) {
        this.samples = new long[capacity];
    }

    void record(long nanos) {
        int index = count.getAndIncrement();
        if (index < samples.length) {
            samples[index] = nanos;
        }
    }

    int count() {
        return Math.min(count.get(), samples.length);
    }

    /** The {@code percentile} (0–100) in milliseconds, or NaN without samples. */
    double millis(double percentile) {
        int n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, rank))] / 1_000_000.0;
    }
}
