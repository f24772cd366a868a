package io.unifiedcrm.identity.team.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.person.command.OrganizationPersons;
import io.unifiedcrm.identity.team.api.AddTeamMemberCommand;
import io.unifiedcrm.identity.team.api.CreateTeamCommand;
import io.unifiedcrm.identity.team.api.RemoveTeamMemberCommand;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
class TeamCommandController {

    private final CommandGateway commands;
    private final OrganizationPersons persons;

    TeamCommandController(CommandGateway commands, OrganizationPersons persons) {
        this.commands = commands;
        this.persons = persons;
    }

    @PostMapping
    @Operation(summary = "Create a team in the caller's organization",
            description = "An organization has at most 1,000 teams: past that 409 team_limit_reached.")
    ResponseEntity<CommandAccepted> create(CallerOrganization organization,
                                           @Valid @RequestBody CreateTeamRequest request) {
        UUID teamId = UUID.randomUUID();
        long version = commands.<Long>sendAndWait(new CreateTeamCommand(teamId, organization.id(), request.name()));
        return CommandAccepted.created(URI.create("/api/v1/teams/" + teamId), teamId, version);
    }

    @PostMapping("/{teamId}/members")
    @Operation(summary = "Add a person of the organization to a team",
            description = "A team has at most 1,000 members: past that 409 team_member_limit_reached.")
    ResponseEntity<CommandAccepted> addMember(CallerOrganization organization, @PathVariable UUID teamId,
                                              @Valid @RequestBody AddTeamMemberRequest request) {
        long version = commands.<Long>sendAndWait(new AddTeamMemberCommand(teamId, organization.id(),
                request.personId(), persons.contains(organization.id(), request.personId())));
        return CommandAccepted.ok(teamId, version);
    }

    @DeleteMapping("/{teamId}/members/{personId}")
    @Operation(summary = "Remove a person from a team")
    ResponseEntity<CommandAccepted> removeMember(CallerOrganization organization, @PathVariable UUID teamId,
                                                 @PathVariable UUID personId) {
        long version = commands.<Long>sendAndWait(new RemoveTeamMemberCommand(teamId, organization.id(), personId));
        return CommandAccepted.ok(teamId, version);
    }
}
