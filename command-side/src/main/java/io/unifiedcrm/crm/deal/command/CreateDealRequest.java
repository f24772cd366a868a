package io.unifiedcrm.crm.deal.command;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.commerce.product.command.MoneyRequest;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** Body of {@code POST /api/v1/deals}. */
public record CreateDealRequest(
        @NotNull @Schema(example = "Acme — 50 seats", maxLength = 200) String name,
        @Schema(example = "{\"amount\": \"12000.00\", \"currency\": \"EUR\"}",
                description = "in the organization's base currency (which may be left out)") MoneyRequest amount,
        @Schema(example = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
                description = "default: the organization's default sales pipeline") UUID pipelineId,
        @Schema(example = "0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a",
                description = "an open stage of the pipeline; default: its first open stage") UUID stageId,
        @Schema(example = "2026-12-31", description = "the expected close date") LocalDate closeDate,
        @Schema(example = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", description = "a person of the organization")
        UUID ownerId,
        @Schema(example = "3f0c1f9e-6c1a-4a51-9d59-0d0f5b1e7a10", description = "the primary person (contact)")
        UUID personId,
        @Schema(example = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2910", description = "a company record")
        UUID companyId) {
}
