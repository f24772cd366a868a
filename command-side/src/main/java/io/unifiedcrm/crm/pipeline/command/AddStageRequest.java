package io.unifiedcrm.crm.pipeline.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Body of {@code POST /api/v1/pipelines/{id}/stages}. */
public record AddStageRequest(
        @NotNull @Schema(example = "Negotiation", maxLength = 100, description = "unique in the pipeline")
        String name,
        @NotNull @Schema(example = "70", description = "percent, 0 to 100, at most 2 decimal places")
        BigDecimal probability,
        @Schema(example = "commit", allowableValues = {"pipeline", "best_case", "commit", "closed", "omitted"},
                description = "default: closed for a won stage, omitted for a lost one, pipeline for an open one")
        String forecastCategory,
        @JsonProperty("isClosed")
        @Schema(example = "false", description = "deals in it are won or lost; default: isWon") Boolean isClosed,
        @JsonProperty("isWon") @Schema(example = "false", description = "deals in it are won; needs isClosed")
        Boolean isWon,
        @Schema(example = "5", description = "1-based; the stages from there move down; default: last")
        Integer position) {
}
