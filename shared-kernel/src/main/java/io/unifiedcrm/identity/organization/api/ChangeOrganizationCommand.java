package io.unifiedcrm.identity.organization.api;

import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Renames an organization and/or replaces its settings (a JSON object); a {@code null} part is left as it is.
 * The base currency never changes: every amount of the organization is in it.
 */
public record ChangeOrganizationCommand(
        @TargetAggregateIdentifier UUID organizationId,
        String name,
        Map<String, Object> settings,
        @TargetAggregateVersion Long expectedVersion) {
}
