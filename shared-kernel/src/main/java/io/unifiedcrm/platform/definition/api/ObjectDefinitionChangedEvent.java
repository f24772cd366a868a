package io.unifiedcrm.platform.definition.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The object type's presentation and features after the change (all of them). */
@Revision("1")
public record ObjectDefinitionChangedEvent(
        UUID definitionId,
        UUID organizationId,
        String name,
        String pluralName,
        String displayProperty,
        String icon,
        String color,
        List<String> features,
        boolean active) {
}
