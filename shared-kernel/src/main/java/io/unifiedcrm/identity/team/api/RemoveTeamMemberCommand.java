package io.unifiedcrm.identity.team.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a person from a team; removing a non-member changes nothing. */
public record RemoveTeamMemberCommand(@TargetAggregateIdentifier UUID teamId, UUID organizationId, UUID personId) {
}
