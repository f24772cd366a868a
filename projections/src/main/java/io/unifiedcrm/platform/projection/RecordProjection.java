package io.unifiedcrm.platform.projection;

import io.unifiedcrm.platform.record.api.RecordArchivedEvent;
import io.unifiedcrm.platform.record.api.RecordCreatedEvent;
import io.unifiedcrm.platform.record.api.RecordDeletedEvent;
import io.unifiedcrm.platform.record.api.RecordRestoredEvent;
import io.unifiedcrm.platform.record.api.RecordUpdatedEvent;
import io.unifiedcrm.platform.record.api.RecordsAssociatedEvent;
import io.unifiedcrm.platform.record.api.RecordsDissociatedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.unifiedcrm.projection.runtime.Footprint;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Builds {@code platform.record} (properties as jsonb; the search vector is a generated column) and
 * {@code platform.association}. A deleted record's row and every association at either end go at once.
 */
@Component
@ProcessingGroup(PlatformProcessingGroup.NAME)
class RecordProjection {

    private static final String RECORDS = "platform.record";

    private final ReadModelJdbc jdbc;

    RecordProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecordCreatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.write(Footprint.row(RECORDS, event.recordId()), """
                        INSERT INTO platform.record (id, organization_id, object_type, definition_id, schema_version,
                            properties, display_name, person_id, owner_id, team_id, status, version, created_at,
                            updated_at)
                        VALUES (?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, ?, ?, 'active', ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING""",
                event.recordId(), event.organizationId(), event.objectType(), event.definitionId(),
                event.schemaVersion(), JsonText.of(event.properties()), event.displayName(), event.personId(),
                event.ownerId(), event.teamId(), sequenceNumber, Timestamp.from(at), Timestamp.from(at));
    }

    @EventHandler
    void on(RecordUpdatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.write(Footprint.row(RECORDS, event.recordId()), """
                        UPDATE platform.record SET properties = cast(? AS jsonb), display_name = ?, schema_version = ?,
                            version = ?, updated_at = ?
                        WHERE id = ? AND version < ?""",
                JsonText.of(event.properties()), event.displayName(), event.schemaVersion(), sequenceNumber,
                Timestamp.from(at), event.recordId(), sequenceNumber);
    }

    @EventHandler
    void on(RecordArchivedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        setStatus(event.recordId(), "archived", sequenceNumber, at);
    }

    @EventHandler
    void on(RecordRestoredEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        setStatus(event.recordId(), "active", sequenceNumber, at);
    }

    @EventHandler
    void on(RecordDeletedEvent event) {
        jdbc.update("DELETE FROM platform.association WHERE from_record_id = ? OR to_record_id = ?",
                event.recordId(), event.recordId());
        jdbc.update("DELETE FROM platform.record WHERE id = ?", event.recordId());
    }

    @EventHandler
    void on(RecordsAssociatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        // stored even if the other record's deletion was projected first (another segment): the deletion's
        // clean-up dissociates it with an event of this record, which removes the row
        jdbc.update("""
                        INSERT INTO platform.association (from_record_id, to_record_id, label, inverse_label,
                            organization_id, from_object_type, to_object_type, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.recordId(), event.toRecordId(), event.label(), event.inverseLabel(), event.organizationId(),
                event.fromObjectType(), event.toObjectType(), Timestamp.from(at));
        touch(event.recordId(), sequenceNumber, at);
    }

    @EventHandler
    void on(RecordsDissociatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("DELETE FROM platform.association WHERE from_record_id = ? AND to_record_id = ? AND label = ?",
                event.recordId(), event.toRecordId(), event.label());
        touch(event.recordId(), sequenceNumber, at);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM platform.association");
        jdbc.update("DELETE FROM platform.record");
    }

    private void setStatus(UUID recordId, String status, long sequenceNumber, Instant at) {
        jdbc.write(Footprint.row(RECORDS, recordId),
                "UPDATE platform.record SET status = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?",
                status, sequenceNumber, Timestamp.from(at), recordId, sequenceNumber);
    }

    private void touch(UUID recordId, long sequenceNumber, Instant at) {
        jdbc.write(Footprint.row(RECORDS, recordId),
                "UPDATE platform.record SET version = ?, updated_at = ? WHERE id = ? AND version < ?",
                sequenceNumber, Timestamp.from(at), recordId, sequenceNumber);
    }
}
