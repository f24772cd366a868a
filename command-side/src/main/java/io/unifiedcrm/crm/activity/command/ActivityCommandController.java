package io.unifiedcrm.crm.activity.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.crm.activity.api.ChangeActivityCommand;
import io.unifiedcrm.crm.activity.api.CompleteActivityCommand;
import io.unifiedcrm.crm.activity.api.CreateActivityCommand;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
class ActivityCommandController {

    private final CommandGateway commands;

    ActivityCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Log a task, call, meeting or note linked to a person, a deal and/or a company",
            description = "Fields another type has are refused (422 field_not_applicable).")
    ResponseEntity<CommandAccepted> create(CallerOrganization organization,
                                           @Valid @RequestBody CreateActivityRequest request) {
        UUID activityId = UUID.randomUUID();
        long version = commands.<Long>sendAndWait(new CreateActivityCommand(activityId, organization.id(),
                request.type(), request.personId(), request.dealId(), request.companyId(), request.ownerId(),
                request.subject(), request.body(), request.occurredAt(), request.dueAt(), request.durationSeconds(),
                request.outcome(), request.startAt(), request.endAt()));
        return CommandAccepted.created(URI.create("/api/v1/activities/" + activityId), activityId, version);
    }

    @PatchMapping(path = "/{activityId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change an activity with a JSON merge patch (absent members stay, null removes)")
    ResponseEntity<CommandAccepted> patch(CallerOrganization organization, @PathVariable UUID activityId,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody ActivityPatchRequest request) {
        return CommandAccepted.ok(activityId, commands.<Long>sendAndWait(new ChangeActivityCommand(activityId,
                organization.id(), request.personId(), request.dealId(), request.companyId(), request.ownerId(),
                request.subject(), request.body(), request.occurredAt(), request.dueAt(), request.durationSeconds(),
                request.outcome(), request.startAt(), request.endAt(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{activityId}/complete")
    @Operation(summary = "Complete a task (409 not_a_task for other activities; completing again changes nothing)")
    ResponseEntity<CommandAccepted> complete(CallerOrganization organization, @PathVariable UUID activityId,
                                             @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(activityId, commands.<Long>sendAndWait(new CompleteActivityCommand(activityId,
                organization.id(), IfMatch.expectedVersion(ifMatch))));
    }
}
