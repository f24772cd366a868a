package io.unifiedcrm.platform.definition.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record ObjectDefinitionView(
        UUID id,
        String name,
        String pluralName,
        Map<String, Object> schema,
        int schemaVersion,
        String displayProperty,
        String icon,
        String color,
        List<String> features,
        String uniqueProperty,
        boolean isSystem,
        boolean active,
        List<AssociationDefinitionView> associations,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
