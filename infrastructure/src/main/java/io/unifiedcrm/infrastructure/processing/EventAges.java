package io.unifiedcrm.infrastructure.processing;

import io.unifiedcrm.infrastructure.axon.PostgresEventStorageEngine;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When the first event after a position of the event stream was published — the age of what a processor at that
 * position has not processed yet. Read through Axon's event store API, so that it holds whatever stores the events
 * (this product's PostgreSQL storage engine, or Axon Server under the {@code axonserver} profile); with the PostgreSQL
 * engine it is one statement reading one row.
 */
@Component
public class EventAges {

    private final EventStore eventStore;
    private final PostgresEventStorageEngine postgres;

    public EventAges(EventStore eventStore, ObjectProvider<EventStorageEngine> engines) {
        this.eventStore = eventStore;
        this.postgres = engines.getIfAvailable() instanceof PostgresEventStorageEngine engine ? engine : null;
    }

    /** When the first event after the position was published; empty when there is none (yet). */
    public Optional<Instant> firstEventAfter(long position) {
        if (postgres != null) {
            TrackingToken token = GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet());
            return postgres.readBatch(token, 1).stream().findFirst().map(EventMessage::getTimestamp);
        }
        try (BlockingStream<TrackedEventMessage<?>> stream =
                     eventStore.openStream(new GlobalSequenceTrackingToken(position))) {
            return stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)
                    ? stream.peek().map(EventMessage::getTimestamp) : Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
