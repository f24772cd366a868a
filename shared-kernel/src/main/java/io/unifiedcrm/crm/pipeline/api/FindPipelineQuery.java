package io.unifiedcrm.crm.pipeline.api;

import java.util.UUID;

/** Answered with an {@code Optional<PipelineView>}; another organization's pipeline is not found. */
public record FindPipelineQuery(UUID organizationId, UUID pipelineId) {
}
