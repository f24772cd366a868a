package io.unifiedcrm.identity.organization.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/organizations}. */
public record CreateOrganizationRequest(
        @NotNull @Schema(example = "Acme GmbH", maxLength = 200) String name,
        @NotNull @Schema(example = "EUR", description = "ISO 4217 currency code") String baseCurrency) {
}
