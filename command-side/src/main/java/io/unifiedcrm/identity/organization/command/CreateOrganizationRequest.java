package io.unifiedcrm.identity.organization.command;

import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/organizations}. */
public record CreateOrganizationRequest(@NotNull String name, @NotNull String baseCurrency) {
}
