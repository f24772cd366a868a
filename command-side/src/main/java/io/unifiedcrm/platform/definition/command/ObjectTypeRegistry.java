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
 * fails with nothing stored; so does the definition past {@value #MAX_OBJECT_TYPES} per organization (concurrent
 * definitions may each see the others uncommitted and pass it by a few). Also answers which definition a name stands
 * for.
 */
@Component
@ProcessingGroup(ObjectTypeRegistry.PROCESSING_GROUP)
public class ObjectTypeRegistry {

    static final String PROCESSING_GROUP = "object-type-lookup";
    /** Object types per organization, the system types included: configuration, not data. */
    public static final int MAX_OBJECT_TYPES = 100;

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
        Long types = jdbc.queryForObject("SELECT count(*) FROM platform.object_type_lookup WHERE organization_id = ?",
                Long.class, event.organizationId());
        if (claimed > 0 && types != null && types > MAX_OBJECT_TYPES) {
            throw new DomainRuleViolation(ErrorCode.OBJECT_TYPE_LIMIT_REACHED, "name",
                    "An organization has at most " + MAX_OBJECT_TYPES + " object types, the system types included.");
        }
    }

    public Optional<UUID> definitionOf(UUID organizationId, String name) {
        List<UUID> ids = jdbc.queryForList("""
                        SELECT definition_id FROM platform.object_type_lookup WHERE organization_id = ? AND name = ?""",
                UUID.class, organizationId, name);
        return ids.stream().findFirst();
    }
}
