package io.unifiedcrm.timeline.projection;

import io.unifiedcrm.platform.record.api.RecordArchivedEvent;
import io.unifiedcrm.platform.record.api.RecordCreatedEvent;
import io.unifiedcrm.platform.record.api.RecordDeletedEvent;
import io.unifiedcrm.platform.record.api.RecordRestoredEvent;
import io.unifiedcrm.platform.record.api.RecordUpdatedEvent;
import io.unifiedcrm.platform.record.api.RecordsAssociatedEvent;
import io.unifiedcrm.platform.record.api.RecordsDissociatedEvent;
import io.unifiedcrm.timeline.projection.Timeline.Subject;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

/**
 * Platform records that belong to a person (created with a {@code personId}) on that person's timeline, and
 * associations on the timelines of the persons at either end. Keeps every record's person, type and display name:
 * only a record's creation names its person, and an association's summary names the other end.
 */
@Component
@ProcessingGroup(TimelineProcessingGroup.NAME)
class RecordTimelineProjection {

    private final Timeline timeline;

    RecordTimelineProjection(Timeline timeline) {
        this.timeline = timeline;
    }

    @EventHandler
    void on(RecordCreatedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        Subject record = new Subject(event.recordId(), event.organizationId(), "record", event.personId(),
                event.displayName(), event.objectType());
        timeline.remember(record, occurrence.sequenceNumber());
        timeline.add(occurrence, event.organizationId(), event.personId(), "record.created", event.recordId(),
                describe(record) + " created", details(record).and("schemaVersion", event.schemaVersion()));
    }

    @EventHandler
    void on(RecordUpdatedEvent event, TrackedEventMessage<?> message) {
        Occurrence occurrence = Occurrence.of(message);
        Subject before = timeline.subject(event.organizationId(), event.recordId());
        Subject record = new Subject(event.recordId(), event.organizationId(), "record",
                before == null ? null : before.personId(), event.displayName(), event.objectType());
        timeline.remember(record, occurrence.sequenceNumber());
        timeline.add(occurrence, event.organizationId(), record.personId(), "record.updated", event.recordId(),
                describe(record) + " updated", details(record).and("schemaVersion", event.schemaVersion()));
    }

    @EventHandler
    void on(RecordArchivedEvent event, TrackedEventMessage<?> message) {
        ofRecord(Occurrence.of(message), event.organizationId(), event.recordId(), "record.archived", "archived");
    }

    @EventHandler
    void on(RecordRestoredEvent event, TrackedEventMessage<?> message) {
        ofRecord(Occurrence.of(message), event.organizationId(), event.recordId(), "record.restored", "restored");
    }

    @EventHandler
    void on(RecordDeletedEvent event, TrackedEventMessage<?> message) {
        // the subject stays: other records' dissociations from this one still name it
        ofRecord(Occurrence.of(message), event.organizationId(), event.recordId(), "record.deleted", "deleted");
    }

    @EventHandler
    void on(RecordsAssociatedEvent event, TrackedEventMessage<?> message) {
        Subject from = subjectOf(event.organizationId(), event.recordId(), event.fromObjectType());
        Subject to = subjectOf(event.organizationId(), event.toRecordId(), event.toObjectType());
        timeline.add(Occurrence.of(message), event.organizationId(), from.personId(), to.personId(),
                "record.associated", event.recordId(), describe(from) + " associated with " + describe(to)
                        + " (" + event.label() + ")",
                Details.of("recordId", event.recordId()).and("objectType", from.subtype())
                        .and("toRecordId", event.toRecordId()).and("toObjectType", to.subtype())
                        .and("label", event.label()).and("inverseLabel", event.inverseLabel()));
    }

    @EventHandler
    void on(RecordsDissociatedEvent event, TrackedEventMessage<?> message) {
        Subject from = subjectOf(event.organizationId(), event.recordId(), null);
        Subject to = subjectOf(event.organizationId(), event.toRecordId(), null);
        timeline.add(Occurrence.of(message), event.organizationId(), from.personId(), to.personId(),
                "record.dissociated", event.recordId(), describe(from) + " no longer associated with "
                        + describe(to) + " (" + event.label() + ")",
                Details.of("recordId", event.recordId()).and("objectType", from.subtype())
                        .and("toRecordId", event.toRecordId()).and("toObjectType", to.subtype())
                        .and("label", event.label()));
    }

    private void ofRecord(Occurrence occurrence, UUID organizationId, UUID recordId, String type, String what) {
        Subject record = timeline.subject(organizationId, recordId);
        if (record != null) {
            timeline.add(occurrence, organizationId, record.personId(), type, recordId,
                    describe(record) + " " + what, details(record));
        }
    }

    /** The record as far as known (a record of another organization or never seen: its id and the type given). */
    private Subject subjectOf(UUID organizationId, UUID recordId, String objectType) {
        Subject record = timeline.subject(organizationId, recordId);
        return record != null ? record : new Subject(recordId, organizationId, "record", null, null, objectType);
    }

    /** "vehicle “B-CR 1”": the record's type and display name. */
    private static String describe(Subject record) {
        String type = record.subtype() == null ? "Record" : record.subtype();
        String described = record.name() == null ? type : type + " " + Timeline.quoted(record.name());
        return Character.toUpperCase(described.charAt(0)) + described.substring(1);
    }

    private static Details details(Subject record) {
        return Details.of("objectType", record.subtype()).and("displayName", record.name());
    }
}
