package io.unifiedcrm.crm.pipeline.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Puts the stages in this order: every stage id of the pipeline exactly once. */
public record ReorderPipelineStagesCommand(@TargetAggregateIdentifier UUID pipelineId, UUID organizationId,
                                           List<UUID> stageIds, @TargetAggregateVersion Long expectedVersion) {
}
