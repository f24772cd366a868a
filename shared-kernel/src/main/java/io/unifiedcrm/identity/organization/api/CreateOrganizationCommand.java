package io.unifiedcrm.identity.organization.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an organization (a tenant) together with its first API key. The key's secret never enters the system:
 * only its hash does.
 */
public record CreateOrganizationCommand(
        @TargetAggregateIdentifier UUID organizationId,
        String name,
        String baseCurrency,
        UUID apiKeyId,
        String apiKeyHash) {
}
