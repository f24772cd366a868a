package io.unifiedcrm.projection.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

class BatchingInvokerTest {

    interface Shipped {
    }

    record ParcelShipped(String parcel) implements Shipped {
    }

    record ParcelLost(String parcel) {
    }

    static class Shipments {
        final List<Object> handled = new ArrayList<>();

        @EventHandler
        void on(Shipped shipped) {
            handled.add(shipped);
        }
    }

    /** Counts what the processor asks of the handlers. */
    static final class CountingInvoker implements EventHandlerInvoker {
        private final EventHandlerInvoker delegate;
        int typeQuestions;
        int eventQuestions;

        CountingInvoker(EventHandlerInvoker delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean canHandle(EventMessage<?> event, Segment segment) {
            eventQuestions++;
            return delegate.canHandle(event, segment);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            typeQuestions++;
            return delegate.canHandleType(payloadType);
        }

        @Override
        public void handle(EventMessage<?> event, Segment segment) throws Exception {
            delegate.handle(event, segment);
        }
    }

    private final CountingInvoker handlers = new CountingInvoker(
            SimpleEventHandlerInvoker.builder().eventHandlers(new Shipments()).build());
    private final BatchingInvoker invoker = new BatchingInvoker(handlers, null, null, false);

    @Test
    void aPayloadTypeNoHandlerTakesIsAnsweredWithoutAskingTheHandlersAgain() {
        for (int i = 0; i < 100; i++) {
            assertThat(invoker.canHandle(GenericEventMessage.asEventMessage(new ParcelLost("p" + i)), Segment.ROOT_SEGMENT))
                    .isFalse();
        }

        assertThat(handlers.typeQuestions).isEqualTo(1);
        assertThat(handlers.eventQuestions).isZero();
    }

    @Test
    void withOneSegmentAnEventOfATypeAHandlerTakesIsAnsweredByItsTypeAlone() {
        for (int i = 0; i < 3; i++) {
            assertThat(invoker.canHandle(GenericEventMessage.asEventMessage(new ParcelShipped("p" + i)),
                    Segment.ROOT_SEGMENT)).isTrue();
        }

        assertThat(handlers.typeQuestions).isEqualTo(1);
        assertThat(handlers.eventQuestions).isZero();
    }

    @Test
    void withSeveralSegmentsTheSequencingPolicyDecidesPerEvent() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();

        for (int i = 0; i < 3; i++) {
            EventMessage<?> shipped = GenericEventMessage.asEventMessage(new ParcelShipped("p" + i));
            assertThat(invoker.canHandle(shipped, halves[0]) ^ invoker.canHandle(shipped, halves[1]))
                    .as("exactly one half takes the event").isTrue();
        }

        assertThat(handlers.eventQuestions).isEqualTo(6);
    }

    @DisallowReplay
    static class Notifications {
        @EventHandler
        void on(ParcelShipped shipped) {
        }
    }

    @Test
    void aReplayedEventIsNotOfferedWhenItsOnlyHandlerDisallowsReplays() {
        var disallowing = new BatchingInvoker(new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(new Notifications()).build()), null, null, false);
        EventMessage<?> shipped = GenericEventMessage.asEventMessage(new ParcelShipped("p"));
        TrackedEventMessage<?> live = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(5), shipped);
        TrackedEventMessage<?> replayed = new GenericTrackedEventMessage<>(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(9), new GlobalSequenceTrackingToken(5)), shipped);

        assertThat(disallowing.canHandle(live, Segment.ROOT_SEGMENT)).isTrue();
        assertThat(disallowing.canHandle(replayed, Segment.ROOT_SEGMENT)).isFalse();
    }
}
