package io.unifiedcrm.crm.pipeline.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One keyset page of the organization's pipelines, oldest first (the default pipeline, created with the
 * organization, leads); a {@link PipelinePage}. The page starts after {@code (afterCreatedAt, afterId)}.
 */
public record FindPipelinesQuery(UUID organizationId, Instant afterCreatedAt, UUID afterId, int limit) {
}
