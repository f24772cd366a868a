package io.unifiedcrm.platform.record.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.person.command.OrganizationPersons;
import io.unifiedcrm.identity.team.command.TeamRegistry;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import io.unifiedcrm.platform.record.api.ArchiveRecordCommand;
import io.unifiedcrm.platform.record.api.AssociateRecordsCommand;
import io.unifiedcrm.platform.record.api.CreateRecordCommand;
import io.unifiedcrm.platform.record.api.DeleteRecordCommand;
import io.unifiedcrm.platform.record.api.DissociateRecordsCommand;
import io.unifiedcrm.platform.record.api.RestoreRecordCommand;
import io.unifiedcrm.platform.record.api.UpdateRecordCommand;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/records")
class RecordCommandController {

    private final CommandGateway commands;
    private final OrganizationPersons persons;
    private final RecordRegistry records;
    private final TeamRegistry teams;

    RecordCommandController(CommandGateway commands, OrganizationPersons persons, RecordRegistry records,
                            TeamRegistry teams) {
        this.commands = commands;
        this.persons = persons;
        this.records = records;
        this.teams = teams;
    }

    @PostMapping
    @Operation(summary = "Create a record of an object type; its properties must satisfy the type's schema",
            description = "Schema violations answer 422 invalid_properties with one errors[] entry per violation "
                    + "(pointer into the body, the first 100); more than 256 KiB of properties 413; a value over "
                    + "64 KiB 422; a validation over its budget (250 ms, 10,000 errors) 422 validation_too_costly; an "
                    + "ownerId that is no person of the organization 422 unknown_owner; a teamId that is no team of the "
                    + "organization 422 unknown_team.")
    ResponseEntity<CommandAccepted> create(CallerOrganization organization,
                                           @Valid @RequestBody CreateRecordRequest request) {
        UUID recordId = UUID.randomUUID();
        boolean personKnown = request.personId() != null && persons.contains(organization.id(), request.personId());
        if (request.ownerId() != null && !persons.contains(organization.id(), request.ownerId())) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_OWNER, "ownerId",
                    "No person with this id in this organization.");
        }
        if (request.teamId() != null && !teams.contains(organization.id(), request.teamId())) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_TEAM, "teamId", "No team with this id in this organization.");
        }
        long version = commands.<Long>sendAndWait(new CreateRecordCommand(recordId, organization.id(),
                request.objectType(), request.properties(), request.personId(), personKnown, request.ownerId(),
                request.teamId()));
        return CommandAccepted.created(URI.create("/api/v1/records/" + recordId), recordId, version);
    }

    @PatchMapping(path = "/{recordId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a record's properties with a JSON merge patch of them (null removes one)")
    ResponseEntity<CommandAccepted> update(CallerOrganization organization, @PathVariable UUID recordId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody RecordPatchRequest request) {
        return CommandAccepted.ok(recordId, commands.<Long>sendAndWait(new UpdateRecordCommand(recordId,
                organization.id(), request.properties(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{recordId}/archive")
    @Operation(summary = "Archive a record (it keeps its data and takes no changes until restored)")
    ResponseEntity<CommandAccepted> archive(CallerOrganization organization, @PathVariable UUID recordId,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(recordId, commands.<Long>sendAndWait(
                new ArchiveRecordCommand(recordId, organization.id(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{recordId}/restore")
    @Operation(summary = "Restore an archived record")
    ResponseEntity<CommandAccepted> restore(CallerOrganization organization, @PathVariable UUID recordId,
                                            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(recordId, commands.<Long>sendAndWait(
                new RestoreRecordCommand(recordId, organization.id(), IfMatch.expectedVersion(ifMatch))));
    }

    @DeleteMapping("/{recordId}")
    @Operation(summary = "Delete a record; its associations at both ends go with it")
    ResponseEntity<CommandAccepted> delete(CallerOrganization organization, @PathVariable UUID recordId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
        return CommandAccepted.ok(recordId, commands.<Long>sendAndWait(
                new DeleteRecordCommand(recordId, organization.id(), IfMatch.expectedVersion(ifMatch))));
    }

    @PostMapping("/{recordId}/associations")
    @Operation(summary = "Associate the record with another under a label its type defines (again: no change)")
    ResponseEntity<CommandAccepted> associate(CallerOrganization organization, @PathVariable UUID recordId,
                                              @Valid @RequestBody AssociateRecordRequest request) {
        String toType = records.objectTypeOf(organization.id(), request.toRecordId()).orElse(null);
        return CommandAccepted.ok(recordId, commands.<Long>sendAndWait(new AssociateRecordsCommand(recordId,
                organization.id(), request.toRecordId(), toType, request.label())));
    }

    @DeleteMapping("/{recordId}/associations/{label}/{toRecordId}")
    @Operation(summary = "Remove the record's association with another under a label")
    ResponseEntity<CommandAccepted> dissociate(CallerOrganization organization, @PathVariable UUID recordId,
                                               @PathVariable String label, @PathVariable UUID toRecordId) {
        return CommandAccepted.ok(recordId, commands.<Long>sendAndWait(new DissociateRecordsCommand(recordId,
                organization.id(), toRecordId, label)));
    }
}
