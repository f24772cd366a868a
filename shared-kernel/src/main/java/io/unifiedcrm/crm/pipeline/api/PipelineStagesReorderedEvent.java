package io.unifiedcrm.crm.pipeline.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PipelineStagesReorderedEvent(UUID pipelineId, UUID organizationId, List<UUID> stageOrder) {
}
