package io.unifiedcrm.projection.runtime.asof;

import java.time.Duration;
import java.util.function.LongSupplier;

/** What one as-of computation may spend: events read and time. Past either, {@link AsOfReplay.TooCostly}. */
public final class AsOfBudget {

    private final int maxEvents;
    private final Duration timeout;
    private final LongSupplier nanoClock;
    private final long deadline;
    private int events;

    AsOfBudget(int maxEvents, Duration timeout, LongSupplier nanoClock) {
        this.maxEvents = maxEvents;
        this.timeout = timeout;
        this.nanoClock = nanoClock;
        this.deadline = nanoClock.getAsLong() + timeout.toNanos();
    }

    /** One more event read. */
    void spendEvent() {
        if (++events > maxEvents) {
            throw new AsOfReplay.TooCostly("Computing this answer would read more than " + maxEvents + " events.");
        }
        checkTime();
    }

    void checkTime() {
        if (nanoClock.getAsLong() - deadline > 0) {
            throw new AsOfReplay.TooCostly("Computing this answer took longer than " + timeout.toMillis() + " ms.");
        }
    }
}
