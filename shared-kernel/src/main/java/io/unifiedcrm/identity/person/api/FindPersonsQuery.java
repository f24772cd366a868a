package io.unifiedcrm.identity.person.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Answered with a {@code PersonPage}: the organization's persons in creation order, optionally only those with
 * this e-mail address (any case), at most {@code limit} after the person created at {@code afterCreatedAt} with id
 * {@code afterId} (both {@code null} for the first page).
 */
public record FindPersonsQuery(UUID organizationId, String email, Instant afterCreatedAt, UUID afterId, int limit) {
}
