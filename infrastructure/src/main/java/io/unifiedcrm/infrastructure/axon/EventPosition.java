package io.unifiedcrm.infrastructure.axon;

import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * An event's own position in the stream: its global index in the event table. The tracking token a handler sees
 * does not always say it. An event committed after later ones (its writer took its index first) fills a gap of the
 * token, whose position stays at the highest index read; and a pooled processor's work package hands its handlers
 * the event with the segment's own token advanced over it, which may already be past the event. So live processing
 * under concurrent writes would see other positions than a replay. The stream the processors read
 * ({@link CommitNotifyingEventSource}) therefore puts every event's index in its metadata, in memory only.
 */
public final class EventPosition {

    static final String GLOBAL_INDEX = "unifiedcrm.globalIndex";

    private EventPosition() {
    }

    /** The event's global index (not in the metadata, e.g. from Axon Server: its token's position); -1 if unknown. */
    public static long of(TrackedEventMessage<?> message) {
        Object globalIndex = message.getMetaData().get(GLOBAL_INDEX);
        if (globalIndex instanceof Number index) {
            return index.longValue();
        }
        TrackingToken token = WrappedToken.unwrapLowerBound(message.trackingToken());
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }

    /**
     * The event as the event store's stream delivered it after {@code previous} (the token of the event delivered
     * before it, or the one the stream was opened at), with its global index in the metadata. The store's token of
     * an event read in index order is at that index. Over a gap filler the store advances the token keeping its index
     * and dropping the gap; gaps timed out are dropped before a fetch too, but only ones below every gap still open,
     * so the filler is the highest gap dropped.
     */
    static TrackedEventMessage<?> withGlobalIndex(TrackedEventMessage<?> event, TrackingToken previous) {
        if (!(event.trackingToken() instanceof GapAwareTrackingToken current)) {
            return event;
        }
        long index = current.getIndex();
        if (previous instanceof GapAwareTrackingToken before && before.getIndex() == index) {
            SortedSet<Long> dropped = new TreeSet<>(before.getGaps());
            dropped.removeAll(current.getGaps());
            if (dropped.isEmpty()) {
                return event;
            }
            index = dropped.last();
        }
        // Axon's tracked messages answer a tracked message with the same token
        return event.andMetaData(Map.of(GLOBAL_INDEX, index)) instanceof TrackedEventMessage<?> marked
                ? marked : event;
    }
}
