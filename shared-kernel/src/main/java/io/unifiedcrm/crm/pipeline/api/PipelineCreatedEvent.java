package io.unifiedcrm.crm.pipeline.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A pipeline was created with these stages, in this order; {@code isDefault}: the organization's sales pipeline. */
@Revision("1")
public record PipelineCreatedEvent(UUID pipelineId, UUID organizationId, String name, boolean isDefault,
                                   List<PipelineStage> stages) {
}
