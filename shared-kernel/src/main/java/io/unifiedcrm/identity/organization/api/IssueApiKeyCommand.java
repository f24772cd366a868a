package io.unifiedcrm.identity.organization.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issues another API key to an organization; only the hash of its secret enters the system. */
public record IssueApiKeyCommand(
        @TargetAggregateIdentifier UUID organizationId,
        UUID apiKeyId,
        String keyHash,
        ApiKeyAccess access) {
}
