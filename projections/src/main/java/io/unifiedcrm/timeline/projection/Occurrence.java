package io.unifiedcrm.timeline.projection;

import io.unifiedcrm.infrastructure.axon.AuditMetadata;
import io.unifiedcrm.infrastructure.axon.EventPosition;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * What a timeline entry takes from the event message rather than its payload: the event's identifier, timestamp,
 * position in the event stream (its global index: the same in every replay, and the order in which events of the
 * same instant were stored), the aggregate's sequence number, and the actor and correlation id of its metadata.
 */
record Occurrence(String eventId, Instant at, long position, long sequenceNumber, String actor,
                  String correlationId) {

    static Occurrence of(TrackedEventMessage<?> message) {
        long position = EventPosition.of(message);
        if (position < 0) {
            throw new IllegalStateException("Event " + message.getIdentifier() + " has no position in the stream");
        }
        MetaData metaData = message.getMetaData();
        return new Occurrence(message.getIdentifier(), message.getTimestamp(), position,
                message instanceof DomainEventMessage<?> domainEvent ? domainEvent.getSequenceNumber() : 0,
                text(metaData.get(AuditMetadata.ACTOR)), text(metaData.get(AuditMetadata.CORRELATION_ID)));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
