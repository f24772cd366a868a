package io.unifiedcrm.infrastructure.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A processor is stalled when it is behind the head of the event store and its position has not moved for longer than
 * {@code stalledAfter}. The rule sees the processor only when it is observed (health check or metrics scrape): the
 * clock starts at the first observation that finds it behind at a position, and restarts whenever the position moves
 * or the processor is found caught up. So a processor just woken by a new event is never stalled, and a stall is
 * reported once two observations at least {@code stalledAfter} apart found it behind at the same position.
 */
public class StallRule {

    private record Stuck(long position, Instant since) {
    }

    private final Duration stalledAfter;
    private final Map<String, Stuck> stuck = new HashMap<>();

    public StallRule(Duration stalledAfter) {
        this.stalledAfter = stalledAfter;
    }

    /** Records an observation of the processor and answers whether it is stalled now. */
    public synchronized boolean observe(String processor, Long position, Long lag, Instant now) {
        if (position == null || lag == null || lag == 0) {
            stuck.remove(processor);
            return false;
        }
        Stuck previous = stuck.get(processor);
        if (previous == null || previous.position() != position) {
            stuck.put(processor, new Stuck(position, now));
            return false;
        }
        return Duration.between(previous.since(), now).compareTo(stalledAfter) > 0;
    }
}
