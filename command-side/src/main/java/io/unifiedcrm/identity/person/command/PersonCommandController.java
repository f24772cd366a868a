package io.unifiedcrm.identity.person.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.person.api.CreatePersonCommand;
import io.unifiedcrm.identity.person.api.MergePersonsCommand;
import io.unifiedcrm.identity.person.api.PersonMergeResult;
import io.unifiedcrm.identity.person.api.RegisterPersonAccountCommand;
import io.unifiedcrm.identity.person.api.UnmergePersonsCommand;
import io.unifiedcrm.identity.person.api.UpdatePersonCommand;
import io.unifiedcrm.identity.person.api.VerifyEmailCommand;
import io.unifiedcrm.identity.person.api.VerifyPhoneCommand;
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
@RequestMapping("/api/v1/persons")
class PersonCommandController {

    private final CommandGateway commands;

    PersonCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Create a person in the caller's organization")
    ResponseEntity<CommandAccepted> create(CallerOrganization organization,
                                           @Valid @RequestBody CreatePersonRequest request) {
        UUID personId = UUID.randomUUID();
        long version = commands.<Long>sendAndWait(new CreatePersonCommand(personId, organization.id(),
                request.email(), request.firstName(), request.lastName(), request.middleName(), request.displayName(),
                request.avatarUrl(), request.phone(), request.source(), request.sourceDetails()));
        return CommandAccepted.created(URI.create("/api/v1/persons/" + personId), personId, version);
    }

    @PostMapping("/{personId}/email-verification")
    @Operation(summary = "Record that the person's e-mail address was verified")
    ResponseEntity<CommandAccepted> verifyEmail(CallerOrganization organization, @PathVariable UUID personId,
                                                @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(personId, commands.<Long>sendAndWait(
                new VerifyEmailCommand(personId, organization.id(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{personId}/phone-verification")
    @Operation(summary = "Record that the person's phone number was verified")
    ResponseEntity<CommandAccepted> verifyPhone(CallerOrganization organization, @PathVariable UUID personId,
                                                @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(personId, commands.<Long>sendAndWait(
                new VerifyPhoneCommand(personId, organization.id(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{personId}/account-registration")
    @Operation(summary = "Record that the person registered a login account (sets hasAccount)")
    ResponseEntity<CommandAccepted> registerAccount(CallerOrganization organization, @PathVariable UUID personId,
                                                    @RequestHeader(name = IfMatch.HEADER, required = false)
                                                    String ifMatch) {
        return CommandAccepted.ok(personId, commands.<Long>sendAndWait(
                new RegisterPersonAccountCommand(personId, organization.id(), IfMatch.expectedVersion(ifMatch))));
    }

    @PatchMapping(path = "/{personId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a person with a JSON merge patch (absent members stay, null removes)")
    ResponseEntity<CommandAccepted> patch(CallerOrganization organization, @PathVariable UUID personId,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody PersonPatchRequest request) {
        long version = commands.<Long>sendAndWait(new UpdatePersonCommand(personId, organization.id(),
                request.email(), request.phone(), request.firstName(), request.lastName(), request.middleName(),
                request.displayName(), request.avatarUrl(), request.sourceDetails(), request.vendor(),
                request.lifecycleStage(), IfMatch.expectedVersion(ifMatch)));
        return CommandAccepted.ok(personId, version);
    }

    @PostMapping("/{personId}/merge")
    @Operation(summary = "Merge another person into this one (the survivor), or with dryRun only show the result",
            description = "The survivor's non-empty fields win, the source fills the blanks and its e-mail addresses "
                    + "become secondary addresses. The source becomes a tombstone: GET answers it with mergedIntoId, "
                    + "commands on it answer 409 person_merged naming the survivor. Undo with unmerge.")
    ResponseEntity<PersonMergeResult> merge(CallerOrganization organization, @PathVariable UUID personId,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                            @Valid @RequestBody MergePersonRequest request) {
        PersonMergeResult result = commands.sendAndWait(new MergePersonsCommand(personId, organization.id(),
                request.sourcePersonId(), Boolean.TRUE.equals(request.dryRun()), IfMatch.expectedVersion(ifMatch)));
        return ResponseEntity.ok().eTag(String.valueOf(result.version())).body(result);
    }

    @PostMapping("/{personId}/unmerge")
    @Operation(summary = "Undo the merge of a person into this one",
            description = "Both persons are as if the merge had not happened; what changed on the survivor after "
                    + "the merge stays with the survivor.")
    ResponseEntity<CommandAccepted> unmerge(CallerOrganization organization, @PathVariable UUID personId,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                            @Valid @RequestBody UnmergePersonRequest request) {
        return CommandAccepted.ok(personId, commands.<Long>sendAndWait(new UnmergePersonsCommand(personId,
                organization.id(), request.sourcePersonId(), IfMatch.expectedVersion(ifMatch))));
    }
}
