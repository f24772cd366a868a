package io.unifiedcrm.identity.organization.command;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.organization.api.ApiKeyAccess;
import io.unifiedcrm.identity.organization.api.IssueApiKeyCommand;
import io.unifiedcrm.identity.organization.api.RevokeApiKeyCommand;
import io.unifiedcrm.infrastructure.idempotency.WithheldFromReplays;
import io.unifiedcrm.infrastructure.security.ApiKeySecret;
import io.unifiedcrm.infrastructure.security.Caller;
import io.unifiedcrm.infrastructure.web.CommandAccepted;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
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

/** An organization's API keys (the organization's own admin credential, or the platform admin key). */
@RestController
@RequestMapping("/api/v1/organizations/{organizationId}/api-keys")
class ApiKeyCommandController {

    private final CommandGateway commands;

    ApiKeyCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Issue an API key (read_only, read_write or admin; needs an admin key); answers its secret, once",
            description = "Replayed with the same Idempotency-Key, the answer has apiKey null and the header "
                    + "Idempotent-Withheld: apiKey: the secret is never kept; revoke the key and issue another.")
    ResponseEntity<ApiKeyIssued> issue(Caller caller, @PathVariable UUID organizationId,
                                       @Valid @RequestBody IssueApiKeyRequest request) {
        requireAccess(caller, organizationId);
        ApiKeyAccess access = ApiKeyAccess.fromCode(request.access());
        if (access == null) {
            throw new DomainRuleViolation(ErrorCode.INVALID_ACCESS, "access", "access is read_only, read_write or admin.");
        }
        UUID apiKeyId = UUID.randomUUID();
        ApiKeySecret secret = ApiKeySecret.generate();
        long version = commands.<Long>sendAndWait(
                new IssueApiKeyCommand(organizationId, apiKeyId, secret.hash(), access));
        WithheldFromReplays.member("apiKey");
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + organizationId + "/api-keys/" + apiKeyId))
                .eTag(String.valueOf(version))
                .body(new ApiKeyIssued(apiKeyId, access.code(), secret.value(), version));
    }

    @DeleteMapping("/{apiKeyId}")
    @Operation(summary = "Revoke an API key; it stops working at once")
    ResponseEntity<CommandAccepted> revoke(Caller caller, @PathVariable UUID organizationId,
                                           @PathVariable UUID apiKeyId) {
        requireAccess(caller, organizationId);
        long version = commands.<Long>sendAndWait(new RevokeApiKeyCommand(organizationId, apiKeyId));
        return CommandAccepted.ok(apiKeyId, version);
    }

    private static void requireAccess(Caller caller, UUID organizationId) {
        if (!caller.mayAccess(organizationId)) {
            throw DomainRuleViolation.notFound();
        }
    }
}
