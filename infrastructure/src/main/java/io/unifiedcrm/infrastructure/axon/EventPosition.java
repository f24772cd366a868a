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
 * An event's own position in the stream: its global index in the event table. A tracking token's position is that
 * only for an event read in index order. An event committed after later ones (its writer took its index first)
 * fills a gap of the token, whose position stays at the highest index read: its token does not say which index it
 * had. So a replay, reading the same event in order, would see another position than live processing did. The
 * stream the processors read ({@link CommitNotifyingEventSource}) therefore adds the index of such an event to its
 * metadata, in memory only.
 */
public final class EventPosition {

    static final String GAP_FILLER_INDEX = "unifiedcrm.globalIndex";

    private EventPosition() {
    }

    /** The event's global index (or, from Axon Server, its token's position); -1 when unknown. */
    public static long of(TrackedEventMessage<?> message) {
        Object gapFiller = message.getMetaData().get(GAP_FILLER_INDEX);
        if (gapFiller instanceof Number index) {
            return index.longValue();
        }
        TrackingToken token = WrappedToken.unwrapLowerBound(message.trackingToken());
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(-1);
    }

    /**
     * The event as read after {@code previous} (the token of the event read before it, or the one the stream was
     * opened at), with its index in the metadata when it filled a gap. Axon advances a token over a gap filler
     * keeping its index and dropping the gap; gaps timed out are dropped before a fetch too, but only ones below
     * every gap still open, so the filler is the highest gap dropped.
     */
    static TrackedEventMessage<?> withGapFillerIndex(TrackedEventMessage<?> event, TrackingToken previous) {
        if (!(event.trackingToken() instanceof GapAwareTrackingToken current)
                || !(previous instanceof GapAwareTrackingToken before)
                || current.getIndex() != before.getIndex()) {
            return event;
        }
        SortedSet<Long> dropped = new TreeSet<>(before.getGaps());
        dropped.removeAll(current.getGaps());
        if (dropped.isEmpty()) {
            return event;
        }
        // Axon's tracked messages answer a tracked message with the same token
        return event.andMetaData(Map.of(GAP_FILLER_INDEX, dropped.last())) instanceof TrackedEventMessage<?> marked
                ? marked : event;
    }
}
