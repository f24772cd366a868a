package io.unifiedcrm.identity.organization.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.organization.api.ChangeOrganizationCommand;
import io.unifiedcrm.identity.organization.api.CreateOrganizationCommand;
import io.unifiedcrm.infrastructure.idempotency.WithheldFromReplays;
import io.unifiedcrm.infrastructure.security.ApiKeySecret;
import io.unifiedcrm.infrastructure.security.Caller;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.infrastructure.web.IfMatch;
import io.unifiedcrm.shared.DomainRuleViolation;
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
@RequestMapping("/api/v1/organizations")
class OrganizationCommandController {

    private final CommandGateway commands;

    OrganizationCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PatchMapping(path = "/{organizationId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(summary = "Rename an organization or replace its settings (platform admin key or crm.admin)")
    ResponseEntity<CommandAccepted> change(Caller caller, @PathVariable UUID organizationId,
                                           @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
                                           @Valid @RequestBody OrganizationPatchRequest request) {
        if (!caller.mayAccess(organizationId)) {
            throw DomainRuleViolation.notFound();
        }
        long version = commands.<Long>sendAndWait(new ChangeOrganizationCommand(organizationId, request.name(),
                request.settings(), IfMatch.expectedVersion(ifMatch)));
        return CommandAccepted.ok(organizationId, version);
    }

    @PostMapping
    @Operation(summary = "Create an organization (platform admin key); answers its first API key, once",
            description = "Replayed with the same Idempotency-Key, the answer has apiKey null and the header "
                    + "Idempotent-Withheld: apiKey: the secret is never kept.")
    ResponseEntity<OrganizationCreated> create(@Valid @RequestBody CreateOrganizationRequest request) {
        UUID organizationId = UUID.randomUUID();
        ApiKeySecret apiKey = ApiKeySecret.generate();
        long version = commands.<Long>sendAndWait(new CreateOrganizationCommand(
                organizationId, request.name(), request.baseCurrency(), UUID.randomUUID(), apiKey.hash()));
        WithheldFromReplays.member("apiKey");
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organizationId))
                .eTag(String.valueOf(version))
                .body(new OrganizationCreated(organizationId, request.name().strip(), apiKey.value(), version));
    }
}
