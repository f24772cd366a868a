package io.unifiedcrm.crm.deal.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One keyset page of deals, newest first, filtered by every non-null criterion; a {@link DealPage}. The person filter
 * includes the deals of everybody merged into that person. The page starts after the deal with
 * {@code (beforeCreatedAt, beforeId)}.
 */
public record FindDealsQuery(UUID organizationId, UUID pipelineId, UUID stageId, UUID ownerId, UUID personId,
                             String status, Instant beforeCreatedAt, UUID beforeId, int limit) {
}
