package io.unifiedcrm.platform.definition.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Defines an object type of the organization. {@code schema} is a JSON Schema (draft 2020-12) of the records'
 * properties: an object schema whose {@code properties} name them. {@code uniqueProperty} goes with the
 * {@code duplicate_detection} feature and is fixed at creation.
 */
public record CreateObjectDefinitionCommand(
        @TargetAggregateIdentifier UUID definitionId,
        UUID organizationId,
        String name,
        String pluralName,
        Map<String, Object> schema,
        String displayProperty,
        String icon,
        String color,
        List<String> features,
        String uniqueProperty,
        boolean system) {
}
