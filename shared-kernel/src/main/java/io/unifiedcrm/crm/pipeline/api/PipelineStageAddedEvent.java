package io.unifiedcrm.crm.pipeline.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A stage was added; {@code stageOrder} is every stage id of the pipeline in its new order. */
@Revision("1")
public record PipelineStageAddedEvent(UUID pipelineId, UUID organizationId, PipelineStage stage,
                                      List<UUID> stageOrder) {
}
