package io.unifiedcrm.crm.deal.api;

import io.unifiedcrm.shared.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An open deal was won: it moved into a won stage of its pipeline. {@code amount} is its amount (may be null). */
@Revision("1")
public record DealWonEvent(UUID dealId, UUID organizationId, UUID personId, UUID pipelineId, UUID fromStageId,
                           UUID stageId, boolean stageIsClosed, boolean stageIsWon, Money amount) {
}
