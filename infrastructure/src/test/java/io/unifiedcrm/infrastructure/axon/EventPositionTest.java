package io.unifiedcrm.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/** An event's own global index, also for an event committed after later ones (a gap filler). */
class EventPositionTest {

    @Test
    void anEventReadInOrderIsAtItsTokensIndex() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(49, List.of());
        TrackedEventMessage<?> event = EventPosition.withGlobalIndex(event(before.advanceTo(52, 1_000_000)),
                before);
        assertThat(EventPosition.of(event)).isEqualTo(52);
    }

    @Test
    void anEventThatFillsAGapIsAtTheIndexItsWriterTook() {
        // 50 and 51 were taken by writers that committed after 57 had been read: the token keeps 57 for both
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(57, List.of(50L, 51L));
        TrackingToken filled = before.advanceTo(50, 1_000_000);
        assertThat(filled.position()).hasValue(57);
        TrackedEventMessage<?> event = EventPosition.withGlobalIndex(event(filled), before);
        assertThat(EventPosition.of(event)).isEqualTo(50);
        TrackingToken last = ((GapAwareTrackingToken) filled).advanceTo(51, 1_000_000);
        assertThat(EventPosition.of(EventPosition.withGlobalIndex(event(last), filled))).isEqualTo(51);
    }

    @Test
    void gapsTimedOutBeforeTheFetchAreNotTakenForTheFiller() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(57, List.of(3L, 4L, 50L));
        // the storage engine dropped the timed-out gaps 3 and 4 before fetching 50
        TrackingToken filled = before.withGapsTruncatedAt(50).advanceTo(50, 1_000_000);
        assertThat(EventPosition.of(EventPosition.withGlobalIndex(event(filled), before))).isEqualTo(50);
    }

    @Test
    void anEventHandedOverWithASegmentsTokenAlreadyPastItKeepsItsIndex() {
        // the stream read 69 in order; the segment had handled 71 before 69 committed, so its token is past 69
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(68, List.of());
        TrackedEventMessage<?> read = EventPosition.withGlobalIndex(event(before.advanceTo(69, 1_000_000)), before);
        TrackedEventMessage<?> handedOver = read.withTrackingToken(GapAwareTrackingToken.newInstance(71, List.of()));
        assertThat(EventPosition.of(handedOver)).isEqualTo(69);
    }

    @Test
    void aReplayedEventIsAtItsIndex() {
        TrackingToken token = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(99, List.of()),
                GapAwareTrackingToken.newInstance(12, List.of()));
        assertThat(EventPosition.of(event(token))).isEqualTo(12);
    }

    private static TrackedEventMessage<?> event(TrackingToken token) {
        return new GenericTrackedDomainEventMessage<>(token, new GenericDomainEventMessage<>("Test", "a", 0, "x"));
    }
}
