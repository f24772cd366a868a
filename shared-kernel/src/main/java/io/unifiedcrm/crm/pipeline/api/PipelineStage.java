package io.unifiedcrm.crm.pipeline.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A stage of a pipeline as events carry it: its stable id, name, win probability in percent, forecast category
 * and whether deals in it are closed (won or lost) and won. A won stage is always closed.
 */
public record PipelineStage(UUID id, String name, BigDecimal probability, String forecastCategory,
                            @JsonProperty("isClosed") boolean isClosed, @JsonProperty("isWon") boolean isWon) {

    /** Closed but not won: deals in it are lost. */
    public boolean isLost() {
        return isClosed && !isWon;
    }
}
