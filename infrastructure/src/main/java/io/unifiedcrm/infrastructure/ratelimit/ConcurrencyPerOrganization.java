package io.unifiedcrm.infrastructure.ratelimit;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many expensive requests of one kind an organization may have running at once, so that one tenant's costly
 * reads cannot take every connection and thread from the others. Past the limit: {@link Exceeded} (429).
 */
public final class ConcurrencyPerOrganization {

    private final String kind;
    private final int limit;
    private final Map<UUID, Integer> running = new ConcurrentHashMap<>();

    /**
     * @param kind  what the requests are, for the answer ("asOf reads")
     * @param limit how many may run at once per organization
     */
    public ConcurrencyPerOrganization(String kind, int limit) {
        this.kind = kind;
        this.limit = limit;
    }

    /** Takes a place for the organization, given back when the permit is closed. */
    public Permit acquire(UUID organizationId) {
        boolean[] taken = {false};
        running.compute(organizationId, (organization, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limit) {
                return count;
            }
            taken[0] = true;
            return current + 1;
        });
        if (!taken[0]) {
            throw new Exceeded(kind, limit);
        }
        return () -> running.computeIfPresent(organizationId, (organization, count) -> count <= 1 ? null : count - 1);
    }

    /** A place taken; closing it gives it back. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** The organization already runs as many requests of the kind as it may. */
    public static final class Exceeded extends RuntimeException {
        public Exceeded(String kind, int limit) {
            super("At most " + limit + " " + kind + " of an organization run at once; retry when one has finished.");
        }
    }
}
