package io.unifiedcrm.identity.team.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Answered with a {@code TeamPage}: the organization's teams in creation order, at most {@code limit} after the
 * team created at {@code afterCreatedAt} with id {@code afterId} (both {@code null} for the first page).
 */
public record FindTeamsQuery(UUID organizationId, Instant afterCreatedAt, UUID afterId, int limit) {
}
