package io.unifiedcrm.infrastructure.processing;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * How far a streaming processor has read the event stream, the one computation behind the projection admin status,
 * the lag gauges and the health rules: a processor's position is the lowest position of all its segments, whichever
 * instance holds them (unknown while a segment has no position), its lag the events between that position and the
 * head of the event store.
 */
public final class ProcessorPositions {

    private ProcessorPositions() {
    }

    /** The global index of the newest event (one query), or null for an empty event store. */
    public static Long headPosition(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? null : boxed(head.position());
    }

    /**
     * The lowest position of all the processor's segments — those processed here as this instance sees them now, the
     * others as the token store has them — or null if there are none or one has no position yet.
     */
    public static Long lowest(Collection<TokenClaims.Claim> claims, Map<Integer, EventTrackerStatus> here) {
        Map<Integer, Long> positions = new HashMap<>();
        claims.forEach(claim -> positions.put(claim.segment(), claim.position()));
        here.forEach((segment, status) -> positions.put(segment, boxed(status.getCurrentPosition())));
        if (positions.isEmpty() || positions.containsValue(null)) {
            return null;
        }
        return Collections.min(positions.values());
    }

    /** Events behind the head (never negative), or null if either is unknown. */
    public static Long lag(Long position, Long head) {
        return position == null || head == null ? null : Math.max(0, head - position);
    }

    public static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
