package io.unifiedcrm.platform.definition.api;

import java.util.UUID;

/**
 * Answered with a page of the organization's object definitions ({@code List<ObjectDefinitionView>}) in name order:
 * at most {@code limit + 1} after {@code afterName} ({@code null}: from the first), the one over telling that a page
 * follows.
 */
public record FindObjectDefinitionsQuery(UUID organizationId, String afterName, int limit) {
}
