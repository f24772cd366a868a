package io.unifiedcrm.platform.projection;

import io.unifiedcrm.platform.definition.api.AssociationDefinedEvent;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionChangedEvent;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionCreatedEvent;
import io.unifiedcrm.platform.definition.api.ObjectSchemaChangedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/** Builds {@code platform.object_definition} and {@code platform.association_definition}; idempotent by version. */
@Component
@ProcessingGroup(PlatformProcessingGroup.NAME)
class ObjectDefinitionProjection {

    private final ReadModelJdbc jdbc;

    ObjectDefinitionProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ObjectDefinitionCreatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO platform.object_definition (id, organization_id, name, plural_name, schema,
                            schema_version, display_property, icon, color, features, unique_property, is_system,
                            active, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, cast(? AS jsonb), 1, ?, ?, ?, cast(? AS jsonb), ?, ?, true, ?, ?, ?)
                        ON CONFLICT (id) DO NOTHING""",
                event.definitionId(), event.organizationId(), event.name(), event.pluralName(),
                JsonText.of(event.schema()), event.displayProperty(), event.icon(), event.color(),
                JsonText.of(event.features()), event.uniqueProperty(), event.system(), sequenceNumber,
                Timestamp.from(at), Timestamp.from(at));
    }

    @EventHandler
    void on(ObjectSchemaChangedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE platform.object_definition SET schema = cast(? AS jsonb), schema_version = ?,
                            version = ?, updated_at = ?
                        WHERE id = ? AND version < ?""",
                JsonText.of(event.schema()), event.schemaVersion(), sequenceNumber, Timestamp.from(at),
                event.definitionId(), sequenceNumber);
    }

    @EventHandler
    void on(ObjectDefinitionChangedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE platform.object_definition SET plural_name = ?, display_property = ?, icon = ?,
                            color = ?, features = cast(? AS jsonb), active = ?, version = ?, updated_at = ?
                        WHERE id = ? AND version < ?""",
                event.pluralName(), event.displayProperty(), event.icon(), event.color(),
                JsonText.of(event.features()), event.active(), sequenceNumber, Timestamp.from(at),
                event.definitionId(), sequenceNumber);
    }

    @EventHandler
    void on(AssociationDefinedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO platform.association_definition (definition_id, organization_id,
                            from_object_type, to_object_type, label, inverse_label, max_per_record)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.definitionId(), event.organizationId(), event.fromObjectType(), event.toObjectType(),
                event.label(), event.inverseLabel(), event.maxPerRecord());
        jdbc.update("UPDATE platform.object_definition SET version = ?, updated_at = ? WHERE id = ? AND version < ?",
                sequenceNumber, Timestamp.from(at), event.definitionId(), sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM platform.association_definition");
        jdbc.update("DELETE FROM platform.object_definition");
    }
}
