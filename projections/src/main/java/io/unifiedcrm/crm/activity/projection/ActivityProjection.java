package io.unifiedcrm.crm.activity.projection;

import io.unifiedcrm.crm.activity.api.ActivityChangedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCompletedEvent;
import io.unifiedcrm.crm.activity.api.ActivityCreatedEvent;
import io.unifiedcrm.crm.activity.api.ActivityType;
import io.unifiedcrm.crm.activity.api.CallOutcome;
import io.unifiedcrm.crm.contact.projection.ContactRecency;
import io.unifiedcrm.crm.projection.CrmProcessingGroup;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Builds the rows of {@code crm.activity} that Activity aggregates own, idempotent by the row's version (the
 * aggregate's sequence number), and keeps the linked person's contact row current ({@link ContactRecency}). Where an
 * activity sits on the timeline and when it reached the person follow from its fields and the events' timestamps only.
 */
@Component
@ProcessingGroup(CrmProcessingGroup.NAME)
class ActivityProjection {

    private final ReadModelJdbc jdbc;

    ActivityProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ActivityCreatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        ActivityType type = ActivityType.fromCode(event.type());
        Instant occurredAt = occurredAt(type, event.occurredAt(), event.startAt(), at);
        jdbc.update("""
                        INSERT INTO crm.activity (id, organization_id, type, person_id, deal_id, company_id, owner_id,
                            subject, body, occurred_at, due_at, duration_seconds, outcome, start_at, end_at,
                            contacted_at, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.activityId(), event.organizationId(), type.code(), event.personId(), event.dealId(),
                event.companyId(), event.ownerId(), event.subject(), event.body(), timestamp(occurredAt),
                timestamp(event.dueAt()), event.durationSeconds(), event.outcome(), timestamp(event.startAt()),
                timestamp(event.endAt()), timestamp(contactedAt(type, event.outcome(), occurredAt, event.endAt(), at)),
                sequenceNumber, timestamp(at), timestamp(at));
        if (event.personId() != null) {
            ContactRecency.store(jdbc, event.personId());
        }
    }

    @EventHandler
    void on(ActivityChangedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT person_id, created_at FROM crm.activity WHERE id = ? AND version < ?", event.activityId(),
                sequenceNumber);
        if (rows.isEmpty()) {
            return;
        }
        UUID previousPerson = (UUID) rows.get(0).get("person_id");
        Instant loggedAt = ((Timestamp) rows.get(0).get("created_at")).toInstant();
        ActivityType type = ActivityType.fromCode(event.type());
        Instant occurredAt = occurredAt(type, event.occurredAt(), event.startAt(), loggedAt);
        jdbc.update("""
                        UPDATE crm.activity SET person_id = ?, deal_id = ?, company_id = ?, owner_id = ?, subject = ?,
                            body = ?, occurred_at = ?, due_at = ?, duration_seconds = ?, outcome = ?, start_at = ?,
                            end_at = ?, contacted_at = ?, version = ?, updated_at = ?
                        WHERE id = ? AND version < ?""",
                event.personId(), event.dealId(), event.companyId(), event.ownerId(), event.subject(), event.body(),
                timestamp(occurredAt), timestamp(event.dueAt()), event.durationSeconds(), event.outcome(),
                timestamp(event.startAt()), timestamp(event.endAt()),
                timestamp(contactedAt(type, event.outcome(), occurredAt, event.endAt(), at)), sequenceNumber,
                timestamp(at), event.activityId(), sequenceNumber);
        if (previousPerson != null && !previousPerson.equals(event.personId())) {
            ContactRecency.store(jdbc, previousPerson);
        }
        if (event.personId() != null) {
            ContactRecency.store(jdbc, event.personId());
        }
    }

    @EventHandler
    void on(ActivityCompletedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE crm.activity SET completed = TRUE, completed_at = ?, version = ?, updated_at = ?
                        WHERE id = ? AND version < ?""",
                timestamp(at), sequenceNumber, timestamp(at), event.activityId(), sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM crm.activity");
    }

    /**
     * The activity's place on the timeline: a meeting's start, a call's or note's occurredAt (else when it was
     * logged), a task's creation.
     */
    private static Instant occurredAt(ActivityType type, Instant occurredAt, Instant startAt, Instant loggedAt) {
        return switch (type) {
            case MEETING -> startAt;
            case CALL, NOTE -> Objects.requireNonNullElse(occurredAt, loggedAt);
            default -> loggedAt;
        };
    }

    /**
     * When the activity reached the person: a connected call when it happened; a meeting at its end, if it had ended
     * when this event happened (a meeting planned for later counts once it is logged or changed after its end).
     */
    private static Instant contactedAt(ActivityType type, String outcome, Instant occurredAt, Instant endAt,
                                       Instant eventAt) {
        if (type == ActivityType.CALL && CallOutcome.CONNECTED.code().equals(outcome)) {
            return occurredAt;
        }
        if (type == ActivityType.MEETING && endAt != null && !endAt.isAfter(eventAt)) {
            return endAt;
        }
        return null;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
