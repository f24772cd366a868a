package io.unifiedcrm.crm.deal.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A won or lost deal was reopened into an open stage of its pipeline. */
@Revision("1")
public record DealReopenedEvent(UUID dealId, UUID organizationId, UUID personId, UUID pipelineId, UUID fromStageId,
                                UUID stageId, boolean stageIsClosed, boolean stageIsWon) {
}
