package io.unifiedcrm.platform.definition.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes an object type; a {@code null} part stays as it is. A new {@code schema} becomes the next schema version:
 * records written from then on are validated against it and store its version.
 */
public record ChangeObjectDefinitionCommand(
        @TargetAggregateIdentifier UUID definitionId,
        UUID organizationId,
        String pluralName,
        Map<String, Object> schema,
        String displayProperty,
        String icon,
        String color,
        List<String> features,
        Boolean active,
        @TargetAggregateVersion Long expectedVersion) {
}
