package io.unifiedcrm.platform.definition.api;

import java.util.UUID;

/** Answered with the organization's object definitions ({@code List<ObjectDefinitionView>}, by name). */
public record FindObjectDefinitionsQuery(UUID organizationId) {
}
