package io.unifiedcrm.crm.pipeline.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A stage's name, probability, forecast category or flags changed: {@code stage} is all of it after the change. */
@Revision("1")
public record PipelineStageChangedEvent(UUID pipelineId, UUID organizationId, PipelineStage stage) {
}
