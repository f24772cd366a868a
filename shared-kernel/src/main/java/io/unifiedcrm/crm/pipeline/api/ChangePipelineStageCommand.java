package io.unifiedcrm.crm.pipeline.api;

import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes a stage; a {@code null} part stays as it is. The closed and won flags change only while no deal is in the
 * stage; without a forecast category, changed flags take their default category.
 */
public record ChangePipelineStageCommand(@TargetAggregateIdentifier UUID pipelineId, UUID organizationId,
                                         UUID stageId, String name, BigDecimal probability, String forecastCategory,
                                         Boolean isClosed, Boolean isWon,
                                         @TargetAggregateVersion Long expectedVersion) {
}
