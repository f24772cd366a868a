package io.unifiedcrm.crm.pipeline.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Removes a stage in which no deal is; at least one open stage stays. */
public record RemovePipelineStageCommand(@TargetAggregateIdentifier UUID pipelineId, UUID organizationId,
                                         UUID stageId, @TargetAggregateVersion Long expectedVersion) {
}
