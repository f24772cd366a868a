package io.unifiedcrm.crm.deal.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An open deal was lost for a reason: it moved into a lost stage (closed, not won) of its pipeline. */
@Revision("1")
public record DealLostEvent(UUID dealId, UUID organizationId, UUID personId, UUID pipelineId, UUID fromStageId,
                            UUID stageId, boolean stageIsClosed, boolean stageIsWon, String reason) {
}
