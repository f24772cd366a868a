package io.unifiedcrm.crm.deal.api;

import io.unifiedcrm.shared.Money;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A deal was created in an open stage ({@code stageIsClosed} and {@code stageIsWon} are false). {@code personId} is
 * its primary person (may be null), {@code amount} null when unknown.
 */
@Revision("1")
public record DealCreatedEvent(UUID dealId, UUID organizationId, UUID personId, UUID pipelineId, UUID stageId,
                               boolean stageIsClosed, boolean stageIsWon, String name, Money amount,
                               LocalDate closeDate, UUID ownerId, UUID companyId) {
}
