package io.unifiedcrm.projection.runtime.deadletters;

import java.time.Instant;
import java.util.Map;

/**
 * One dead letter: an event a processing group's handler failed on ({@code cause} set), or a later event of the same
 * sequence parked behind it ({@code cause} null) — in {@code sequenceIndex} order within its sequence.
 *
 * @param id                      the letter's id (to evict it)
 * @param group                   the processing group (projection)
 * @param sequenceIdentifier      the sequence it parks: an organization for identity, commerce, crm and timeline,
 *                                an owner for addresses, an aggregate for platform and search (platform events in
 *                                search: their organization)
 * @param sequenceIndex           its place in the sequence
 * @param eventId                 the event's id
 * @param eventType               the event's payload type
 * @param aggregateType           the aggregate that applied the event
 * @param aggregateId             that aggregate's id
 * @param aggregateSequenceNumber the event's sequence number in its aggregate
 * @param globalIndex             the event's position in the event store (null if unknown)
 * @param occurredAt              when the event happened
 * @param enqueuedAt              when it was dead-lettered
 * @param lastTouched             when it was last enqueued or retried
 * @param cause                   why handling failed (the latest failure), null for a letter parked behind another
 * @param diagnostics             what the dead-letter policy recorded; {@code attempts}: how often handling failed
 */
public record DeadLetterView(
        String id,
        String group,
        String sequenceIdentifier,
        long sequenceIndex,
        String eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        Long aggregateSequenceNumber,
        Long globalIndex,
        Instant occurredAt,
        Instant enqueuedAt,
        Instant lastTouched,
        Cause cause,
        Map<String, Object> diagnostics) {

    /** A handler's failure: the exception's type and its (innermost, truncated) message. */
    public record Cause(String type, String message) {
    }
}
