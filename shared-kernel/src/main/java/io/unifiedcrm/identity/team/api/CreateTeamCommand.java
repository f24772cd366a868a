package io.unifiedcrm.identity.team.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a team (a group of the organization's people, e.g. a sales team). */
public record CreateTeamCommand(@TargetAggregateIdentifier UUID teamId, UUID organizationId, String name) {
}
