package io.unifiedcrm.infrastructure.web;

import java.time.Duration;

/** The time bound of a read, as Spring's transaction timeout takes it: whole seconds, at least one. */
public final class ReadTimeouts {

    private ReadTimeouts() {
    }

    public static int seconds(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
    }
}
