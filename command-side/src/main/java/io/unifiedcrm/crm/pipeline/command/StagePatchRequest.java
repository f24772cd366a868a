package io.unifiedcrm.crm.pipeline.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * Body of {@code PATCH /api/v1/pipelines/{id}/stages/{stageId}}: absent (or null) members stay as they are. The flags
 * change only while no deal is in the stage.
 */
public record StagePatchRequest(
        @Schema(example = "Negotiation started", maxLength = 100) String name,
        @Schema(example = "75", description = "percent, 0 to 100, at most 2 decimal places") BigDecimal probability,
        @Schema(example = "commit", allowableValues = {"pipeline", "best_case", "commit", "closed", "omitted"})
        String forecastCategory,
        @JsonProperty("isClosed") @Schema(example = "false") Boolean isClosed,
        @JsonProperty("isWon") @Schema(example = "false") Boolean isWon) {
}
