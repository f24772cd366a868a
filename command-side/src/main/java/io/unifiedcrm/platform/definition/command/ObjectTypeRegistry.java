package io.unifiedcrm.platform.definition.command;

import io.unifiedcrm.platform.definition.api.ObjectDefinitionCreatedEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One object type per name per organization: the name is claimed in {@code platform.object_type_lookup} in the
 * transaction of the event that defines the type (a subscribing processor), so a second definition with the name
 * fails with nothing stored. Also answers which definition a name stands for.
 */
@Component
@ProcessingGroup(ObjectTypeRegistry.PROCESSING_GROUP)
public class ObjectTypeRegistry {

    static final String PROCESSING_GROUP = "object-type-lookup";

    private final JdbcTemplate jdbc;

    public ObjectTypeRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ObjectDefinitionCreatedEvent event) {
        int claimed = jdbc.update("""
                        INSERT INTO platform.object_type_lookup (organization_id, name, definition_id)
                        VALUES (?, ?, ?) ON CONFLICT (organization_id, name) DO NOTHING""",
                event.organizationId(), event.name(), event.definitionId());
        Optional<UUID> holder = definitionOf(event.organizationId(), event.name());
        if (claimed == 0 && holder.isPresent() && !holder.get().equals(event.definitionId())) {
            throw new DomainRuleViolation(ErrorCode.OBJECT_TYPE_TAKEN, "name",
                    "The organization already has an object type with this name.", holder.get().toString());
        }
    }

    public Optional<UUID> definitionOf(UUID organizationId, String name) {
        List<UUID> ids = jdbc.queryForList("""
                        SELECT definition_id FROM platform.object_type_lookup WHERE organization_id = ? AND name = ?""",
                UUID.class, organizationId, name);
        return ids.stream().findFirst();
    }
}
