package io.unifiedcrm.crm.pipeline.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A stage without deals was removed; {@code stageOrder} is the remaining stages' ids in order. */
@Revision("1")
public record PipelineStageRemovedEvent(UUID pipelineId, UUID organizationId, UUID stageId, List<UUID> stageOrder) {
}
