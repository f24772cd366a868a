package io.unifiedcrm.identity.organization.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/organizations/{id}/api-keys}. */
public record IssueApiKeyRequest(
        @NotNull @Schema(allowableValues = {"read_only", "read_write", "admin"}, example = "read_only") String access) {
}
