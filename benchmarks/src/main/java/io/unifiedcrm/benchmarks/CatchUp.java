package io.unifiedcrm.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until every projection of the application has caught up — its {@code lag} in
 * {@code GET /api/v1/admin/projections} is 0 — polling every {@value #POLL_MILLIS} ms.
 */
final class CatchUp {

    static final long POLL_MILLIS = 100;

    private CatchUp() {
    }

    /** The time until every projection showed lag 0, or null if they had not within {@code limit}. */
    static Duration await(Http http, String adminKey, Duration limit) {
        long started = System.nanoTime();
        long giveUp = started + limit.toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                if (everyProjectionCaughtUp(http, adminKey)) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IllegalStateException slowAnswer) {
                System.out.println("[bench] status not available: " + slowAnswer.getMessage());
            }
            LockSupport.parkNanos(Duration.ofMillis(POLL_MILLIS).toNanos());
        }
        return null;
    }

    static boolean everyProjectionCaughtUp(Http http, String adminKey) {
        for (JsonNode projection : http.json("GET", "/api/v1/admin/projections?limit=200", adminKey, null)
                .get("items")) {
            JsonNode lag = projection.get("lag");
            if (lag == null || lag.isNull() || lag.asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    /** Seconds, or NaN when not caught up in time. */
    static double seconds(Duration caughtUp) {
        return caughtUp == null ? Double.NaN : caughtUp.toNanos() / 1e9;
    }
}
