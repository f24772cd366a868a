package io.unifiedcrm.crm.pipeline.api;

import java.util.UUID;

/** Answered with an {@code Optional<PipelineSummaryView>}; another organization's pipeline is not found. */
public record FindPipelineSummaryQuery(UUID organizationId, UUID pipelineId) {
}
