package io.unifiedcrm.platform.definition.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An object type was defined, with schema version 1. */
@Revision("1")
public record ObjectDefinitionCreatedEvent(
        UUID definitionId,
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
