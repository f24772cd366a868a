package io.unifiedcrm.crm.pipeline.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A stage of a new pipeline. */
public record StageRequest(
        @NotNull @Schema(example = "Qualified to buy", maxLength = 100, description = "unique in the pipeline")
        String name,
        @NotNull @Schema(example = "40", description = "percent, 0 to 100, at most 2 decimal places")
        BigDecimal probability,
        @Schema(example = "pipeline", allowableValues = {"pipeline", "best_case", "commit", "closed", "omitted"},
                description = "default: closed for a won stage, omitted for a lost one, pipeline for an open one")
        String forecastCategory,
        @JsonProperty("isClosed")
        @Schema(example = "false", description = "deals in it are won or lost; default: isWon") Boolean isClosed,
        @JsonProperty("isWon") @Schema(example = "false", description = "deals in it are won; needs isClosed")
        Boolean isWon) {
}
