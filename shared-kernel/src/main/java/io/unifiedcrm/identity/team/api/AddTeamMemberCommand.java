package io.unifiedcrm.identity.team.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a person of the organization to a team; adding a member again changes nothing. {@code personInOrganization}
 * is the command side's answer to whether the person belongs to the organization (the aggregate cannot look).
 */
public record AddTeamMemberCommand(
        @TargetAggregateIdentifier UUID teamId,
        UUID organizationId,
        UUID personId,
        boolean personInOrganization) {
}
