package io.unifiedcrm.crm.deal.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/deals/{id}/lost}. */
public record LostRequest(
        @NotNull @Schema(example = "Budget cut", maxLength = 500) String reason) {
}
