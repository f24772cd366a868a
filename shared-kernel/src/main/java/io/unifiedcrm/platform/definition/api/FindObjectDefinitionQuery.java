package io.unifiedcrm.platform.definition.api;

import java.util.UUID;

/** Answered with an {@code Optional<ObjectDefinitionView>}; another organization's definition is not found. */
public record FindObjectDefinitionQuery(UUID organizationId, String name) {
}
