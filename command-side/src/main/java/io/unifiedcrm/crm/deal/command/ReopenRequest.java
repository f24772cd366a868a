package io.unifiedcrm.crm.deal.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/v1/deals/{id}/reopen}. */
public record ReopenRequest(
        @NotNull @Schema(example = "0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a",
                description = "an open stage of the deal's pipeline") UUID stageId) {
}
