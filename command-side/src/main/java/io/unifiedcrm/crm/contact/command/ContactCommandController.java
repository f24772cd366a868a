package io.unifiedcrm.crm.contact.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.crm.contact.api.ChangeContactCommand;
import io.unifiedcrm.crm.contact.api.MakeContactCommand;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import io.unifiedcrm.shared.DomainErrorDetails;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Contacts are persons with a CRM extension: commands on the Person aggregate, versioned as the person. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactCommandController {

    private final CommandGateway commands;

    ContactCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Make a person a CRM contact (a lead), optionally with job title, company, owner and more",
            description = "409 already_a_contact (existingId: the person) when it is one; change it with PATCH. "
                    + "The answer's id is the person's, its version the person's version.")
    ResponseEntity<CommandAccepted> create(CallerOrganization organization,
                                           @Valid @RequestBody MakeContactRequest request) {
        long version;
        try {
            version = commands.<Long>sendAndWait(new MakeContactCommand(request.personId(), organization.id(),
                    request.jobTitle(), request.department(), request.companyId(), request.leadStatus(),
                    request.leadSource(), request.ownerId(), request.nextFollowUp()));
        } catch (CommandExecutionException failure) {
            throw isNotFound(failure) ? new DomainRuleViolation(ErrorCode.UNKNOWN_PERSON, "personId",
                    "No person with this id in this organization.") : failure;
        }
        return CommandAccepted.created(URI.create("/api/v1/contacts/" + request.personId()), request.personId(),
                version);
    }

    @PatchMapping(path = "/{personId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Change a contact's CRM fields with a JSON merge patch (absent members stay, null removes)",
            description = "If-Match takes the person's version. 409 not_a_contact for a person who is not one.")
    ResponseEntity<CommandAccepted> patch(CallerOrganization organization, @PathVariable UUID personId,
                                          @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                          @Valid @RequestBody ContactPatchRequest request) {
        return CommandAccepted.ok(personId, commands.<Long>sendAndWait(new ChangeContactCommand(personId,
                organization.id(), request.jobTitle(), request.department(), request.companyId(),
                request.leadStatus(), request.leadSource(), request.ownerId(), request.nextFollowUp(),
                IfMatch.expectedVersion(ifMatch))));
    }

    /** The person named in the body is missing or another organization's: an invalid request, not a 404. */
    private static boolean isNotFound(CommandExecutionException failure) {
        return failure.getDetails().filter(DomainErrorDetails.class::isInstance).map(DomainErrorDetails.class::cast)
                .filter(details -> ErrorCode.NOT_FOUND.code().equals(details.code())).isPresent();
    }
}
