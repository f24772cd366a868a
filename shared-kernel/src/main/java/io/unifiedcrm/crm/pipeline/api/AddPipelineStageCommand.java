package io.unifiedcrm.crm.pipeline.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a stage at a 1-based {@code position} (the others move down), or last when it is null. */
public record AddPipelineStageCommand(@TargetAggregateIdentifier UUID pipelineId, UUID organizationId,
                                      NewPipelineStage stage, Integer position,
                                      @TargetAggregateVersion Long expectedVersion) {
}
