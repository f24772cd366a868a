package io.unifiedcrm.crm.pipeline.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.UUID;

/** A stage of a pipeline as read: its 1-based position, probability in percent, forecast category and flags. */
public record PipelineStageView(UUID id, int position, String name, BigDecimal probability, String forecastCategory,
                                @JsonProperty("isClosed") boolean isClosed, @JsonProperty("isWon") boolean isWon) {
}
