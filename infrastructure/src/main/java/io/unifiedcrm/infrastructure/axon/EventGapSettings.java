package io.unifiedcrm.infrastructure.axon;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * How long the processors keep waiting for a global index that a writer has taken but not committed (a "gap"). A
 * writer that commits into a gap the processor has already forgotten is never read by it: a skipped event. A gap is
 * forgotten when it lies more than {@code maxGapOffset} indexes behind the newest event read (Axon), or when it has
 * been open for {@code gapTimeout} ({@link PostgresEventStorageEngine}). Both must outlast the longest a writer can
 * hold its transaction open, which the database bounds ({@link WriterTimeouts}): see the README's paragraph on
 * skipped events and {@code SkippedEventsTest}.
 *
 * @param gapTimeout   gaps open this long are forgotten
 * @param maxGapOffset gaps further than this many indexes behind the newest event are forgotten (Axon: 10,000)
 * @param warnAfter    a processor logs a warning when it has waited this long for one gap
 */
public record EventGapSettings(Duration gapTimeout, int maxGapOffset, Duration warnAfter) {

    /** What the project runs with unless configured otherwise (README, configuration table). */
    public static final EventGapSettings DEFAULTS =
            new EventGapSettings(Duration.ofMinutes(5), 1_000_000, Duration.ofSeconds(30));

    public EventGapSettings {
        if (gapTimeout.isNegative() || gapTimeout.toMillis() > Integer.MAX_VALUE || maxGapOffset < 0
                || warnAfter.isNegative()) {
            throw new IllegalArgumentException("invalid event gap settings " + gapTimeout + ", " + maxGapOffset
                    + ", " + warnAfter);
        }
    }

    /** The project's storage engine, built from Axon's builder with these settings. */
    public PostgresEventStorageEngine engine(JdbcEventStorageEngine.Builder builder, EventSchema schema) {
        return new PostgresEventStorageEngine(builder.maxGapOffset(maxGapOffset)
                .gapTimeout((int) gapTimeout.toMillis()), schema, gapTimeout, System::nanoTime);
    }
}
