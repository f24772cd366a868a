package io.unifiedcrm.projection.runtime.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;

/**
 * The shadow processor of a rebuild without downtime replays: up to the head of the stream at its start its handlers
 * see a replay, events after that are regular ones. It never runs side-effecting ({@code @DisallowReplay}) handlers
 * (events after its start reach the live processor too) and never dead-letters: a failure fails the rebuild.
 */
class ShadowProcessorTest {

    static class Projection {
        final List<String> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(String event, ReplayStatus status) {
            handled.add(event + ":" + status);
        }
    }

    static class Mailer {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @EventHandler
        @DisallowReplay
        void on(String event) {
            sent.add(event);
        }
    }

    static class Failing {
        @EventHandler
        void on(String event) {
            if (event.equals("boom")) {
                throw new IllegalStateException("boom");
            }
        }
    }

    /** Even where the live processor logs a failing handler and goes on, the shadow processor reports the failure. */
    @Test
    void aFailingHandlerFailsTheShadowProcessor() {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        List.of("a", "boom", "c").forEach(event -> eventStore.publish(GenericEventMessage.asEventMessage(event)));
        SimpleEventHandlerInvoker forgiving = SimpleEventHandlerInvoker.builder().eventHandlers(new Failing())
                .listenerInvocationErrorHandler(new LoggingErrorHandler()).build();
        ShadowProcessor shadow = ShadowProcessor.create("failing.rebuild", new int[] {0}, forgiving, eventStore,
                new InMemoryTokenStore(), NoTransactionManager.instance(), NoTransactionManager.instance(), 10, null);
        try {
            shadow.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> shadow.failure().isPresent());
            assertThat(shadow.failure().orElseThrow()).hasMessage("boom");
        } finally {
            shadow.stop();
            eventStore.shutDown();
        }
    }

    @Test
    void handlersSeeAReplayUpToTheHeadAtTheStart() {
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine()).build();
        List.of("a", "b", "c", "d").forEach(event -> eventStore.publish(GenericEventMessage.asEventMessage(event)));
        Projection projection = new Projection();
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        ShadowProcessor shadow = ShadowProcessor.create("test.rebuild", new int[] {0, 1},
                SimpleEventHandlerInvoker.builder().eventHandlers(projection).build(), eventStore, tokens,
                NoTransactionManager.instance(), NoTransactionManager.instance(), 10, null);
        try {
            shadow.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> projection.handled.size() == 4);
            assertThat(projection.handled).containsExactlyInAnyOrder("a:REPLAY", "b:REPLAY", "c:REPLAY", "d:REPLAY");

            eventStore.publish(GenericEventMessage.asEventMessage("e"));
            await().atMost(Duration.ofSeconds(10)).until(() -> projection.handled.size() == 5);
            assertThat(projection.handled).contains("e:REGULAR");
        } finally {
            shadow.stop();
            eventStore.shutDown();
        }
    }

    @Test
    void handlersThatMustNotRunInAReplayAreRefused() {
        EventHandlerInvoker withSideEffects = new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(new Projection(), new Mailer()).build());

        assertThatThrownBy(() -> ShadowProcessor.failingFast(withSideEffects))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Mailer");
    }

    /** The live group's invoker is a multi-invoker around a dead-lettering one; the shadow's never parks an event. */
    @Test
    void theLiveDeadLetterQueueIsNotTheShadows() throws Exception {
        InMemorySequencedDeadLetterQueue<EventMessage<?>> queue = InMemorySequencedDeadLetterQueue.defaultQueue();
        EventHandlerInvoker live = new MultiEventHandlerInvoker(DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new Failing()).queue(queue).transactionManager(NoTransactionManager.instance())
                .build());
        EventHandlerInvoker shadow = ShadowProcessor.failingFast(live);

        assertThatThrownBy(() -> shadow.handle(GenericEventMessage.asEventMessage("boom"), Segment.ROOT_SEGMENT))
                .hasMessage("boom");
        assertThat(queue.amountOfSequences()).isZero();
        live.handle(GenericEventMessage.asEventMessage("boom"), Segment.ROOT_SEGMENT);
        assertThat(queue.amountOfSequences()).as("the live invoker parks it").isEqualTo(1);
    }
}
