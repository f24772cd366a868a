package io.unifiedcrm.identity.person.api;

import java.util.UUID;

/** Answered with an {@code Optional<LeadScoreView>}; another organization's person is not found. */
public record FindLeadScoreQuery(UUID organizationId, UUID personId) {
}
