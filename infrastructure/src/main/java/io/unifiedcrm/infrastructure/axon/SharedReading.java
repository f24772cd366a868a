package io.unifiedcrm.infrastructure.axon;

import java.time.Duration;

/**
 * How the processors of a JVM share one read of the event stream ({@link SharedEventReader}).
 *
 * @param capacity     events held in memory at most (the window the processors read together)
 * @param fetchSize    events fetched from the event store into the window at a time at most
 * @param stallTimeout how long a processor that has not moved may hold back the others when the window is full
 */
public record SharedReading(int capacity, int fetchSize, Duration stallTimeout) {

    public static final SharedReading DEFAULTS = new SharedReading(16_384, 1_000, Duration.ofSeconds(5));

    public SharedReading {
        if (capacity < 1 || fetchSize < 1 || stallTimeout.isNegative()) {
            throw new IllegalArgumentException("invalid shared reading settings " + capacity + ", " + fetchSize
                    + ", " + stallTimeout);
        }
    }
}
