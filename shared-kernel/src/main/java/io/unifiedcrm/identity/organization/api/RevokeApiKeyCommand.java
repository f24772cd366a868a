package io.unifiedcrm.identity.organization.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes one of an organization's API keys; revoking a revoked key changes nothing. */
public record RevokeApiKeyCommand(@TargetAggregateIdentifier UUID organizationId, UUID apiKeyId) {
}
