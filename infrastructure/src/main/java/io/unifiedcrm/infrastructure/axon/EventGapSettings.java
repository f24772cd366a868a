package io.unifiedcrm.infrastructure.axon;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * How long the projections' processors keep waiting for a global index that a writer has taken but not committed
 * (a "gap"). A writer that commits into a gap the processor has already forgotten is never read by it: a skipped
 * event. Axon forgets a gap when it lies more than {@code maxGapOffset} indexes behind the newest event read, or —
 * once a token holds more than {@code gapCleaningThreshold} gaps — when the events after it are older than
 * {@code gapTimeout}. Both must outlast the longest a writer can hold its transaction open, which the database
 * bounds ({@link WriterTimeouts}): see the README's paragraph on skipped events and {@code SkippedEventsTest}.
 *
 * @param gapTimeout           gaps whose following events are older than this may be forgotten (Axon: 60 s)
 * @param maxGapOffset         gaps further than this many indexes behind the newest event are forgotten (Axon: 10,000)
 * @param gapCleaningThreshold forgetting timed-out gaps starts above this many gaps in a token (Axon: 250)
 * @param warnAfter            a processor logs a warning when it has waited this long for one gap
 */
public record EventGapSettings(Duration gapTimeout, int maxGapOffset, int gapCleaningThreshold, Duration warnAfter) {

    /** What the project runs with unless configured otherwise (README, configuration table). */
    public static final EventGapSettings DEFAULTS =
            new EventGapSettings(Duration.ofMinutes(5), 1_000_000, 250, Duration.ofSeconds(30));

    public EventGapSettings {
        if (gapTimeout.isNegative() || gapTimeout.toMillis() > Integer.MAX_VALUE || maxGapOffset < 0
                || gapCleaningThreshold < 0 || warnAfter.isNegative()) {
            throw new IllegalArgumentException("invalid event gap settings " + gapTimeout + ", " + maxGapOffset
                    + ", " + gapCleaningThreshold + ", " + warnAfter);
        }
    }

    /** Sets these values on a storage engine's builder. */
    public JdbcEventStorageEngine.Builder applyTo(JdbcEventStorageEngine.Builder builder) {
        return builder.gapTimeout((int) gapTimeout.toMillis())
                .maxGapOffset(maxGapOffset)
                .gapCleaningThreshold(gapCleaningThreshold);
    }
}
