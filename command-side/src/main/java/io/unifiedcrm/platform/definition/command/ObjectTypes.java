package io.unifiedcrm.platform.definition.command;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.UUID;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The rules of an object type by name, from its ObjectDefinition aggregate (loaded in the caller's unit of work, so
 * a record is validated against the schema version in force when the command runs). Injected into record command
 * handlers.
 */
@Component
public class ObjectTypes {

    private final ObjectTypeRegistry registry;
    private final Repository<ObjectDefinition> definitions;

    public ObjectTypes(ObjectTypeRegistry registry, Repository<ObjectDefinition> definitions) {
        this.registry = registry;
        this.definitions = definitions;
    }

    /** @throws DomainRuleViolation {@code unknown_object_type} when the organization has no such type */
    public ObjectTypeRules rulesOf(UUID organizationId, String objectType) {
        UUID definitionId = registry.definitionOf(organizationId, objectType).orElseThrow(() ->
                new DomainRuleViolation(ErrorCode.UNKNOWN_OBJECT_TYPE, "objectType",
                        "No object type " + objectType + " in this organization."));
        return definitions.load(definitionId.toString()).invoke(definition -> definition.rulesFor(organizationId));
    }

    public boolean exists(UUID organizationId, String objectType) {
        return registry.definitionOf(organizationId, objectType).isPresent();
    }
}
