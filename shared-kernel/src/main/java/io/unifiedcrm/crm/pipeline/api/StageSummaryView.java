package io.unifiedcrm.crm.pipeline.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The deals in one stage: how many, their amounts summed, and that sum weighted by the stage's probability
 * ({@code amount × probability / 100}, rounded half-even to 4 decimal places). Deals without an amount count as 0.
 */
public record StageSummaryView(UUID stageId, int position, String name, BigDecimal probability,
                               String forecastCategory, @JsonProperty("isClosed") boolean isClosed,
                               @JsonProperty("isWon") boolean isWon, long dealCount, Money amount,
                               Money weightedAmount) {
}
