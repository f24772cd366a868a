package io.unifiedcrm.identity.team.api;

import java.util.UUID;

/** Answered with an {@code Optional<TeamView>}; another organization's team is not found. */
public record FindTeamQuery(UUID organizationId, UUID teamId) {
}
