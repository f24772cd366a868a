package io.unifiedcrm.crm.pipeline.api;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A stage as a command asks for it, unchecked: {@code forecastCategory} defaults from the flags (closed when won,
 * omitted when lost, pipeline when open), {@code isWon} to false and {@code isClosed} to {@code isWon}.
 */
public record NewPipelineStage(UUID stageId, String name, BigDecimal probability, String forecastCategory,
                               Boolean isClosed, Boolean isWon) {
}
