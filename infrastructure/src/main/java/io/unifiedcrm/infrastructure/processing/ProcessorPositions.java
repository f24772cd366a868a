package io.unifiedcrm.infrastructure.processing;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * How far a streaming processor has read the event stream, the one computation behind the projection admin status,
 * the lag gauges and the stalled health rule: a processor's position is the lowest position of the segments this
 * instance holds (unknown while a segment has no position or the instance holds none), its lag the events between
 * that position and the head of the event store.
 */
public final class ProcessorPositions {

    private ProcessorPositions() {
    }

    /** The global index of the newest event (one query), or null for an empty event store. */
    public static Long headPosition(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? null : boxed(head.position());
    }

    /** The lowest position of the segments, or null if there are none or one has no position yet. */
    public static Long positionOf(Collection<EventTrackerStatus> segments) {
        Long lowest = null;
        for (EventTrackerStatus segment : segments) {
            Long position = boxed(segment.getCurrentPosition());
            if (position == null) {
                return null;
            }
            lowest = lowest == null ? position : Math.min(lowest, position);
        }
        return lowest;
    }

    /** Events behind the head (never negative), or null if either is unknown. */
    public static Long lag(Long position, Long head) {
        return position == null || head == null ? null : Math.max(0, head - position);
    }

    public static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
