package io.unifiedcrm.crm.pipeline.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PipelineRenamedEvent(UUID pipelineId, UUID organizationId, String name) {
}
