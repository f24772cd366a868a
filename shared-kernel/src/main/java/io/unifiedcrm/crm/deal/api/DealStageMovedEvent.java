package io.unifiedcrm.crm.deal.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An open deal moved from one open stage of its pipeline to another. */
@Revision("1")
public record DealStageMovedEvent(UUID dealId, UUID organizationId, UUID personId, UUID pipelineId,
                                  UUID fromStageId, UUID stageId, boolean stageIsClosed, boolean stageIsWon) {
}
