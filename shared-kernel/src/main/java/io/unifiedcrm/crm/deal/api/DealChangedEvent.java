package io.unifiedcrm.crm.deal.api;

import io.unifiedcrm.shared.Money;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A deal's name, amount, close date, owner, primary person or company changed; every field is the value after the
 * change. {@code previousPersonId} is the primary person before it (equal to {@code personId} when that stayed).
 */
@Revision("1")
public record DealChangedEvent(UUID dealId, UUID organizationId, UUID personId, UUID previousPersonId,
                               UUID pipelineId, UUID stageId, boolean stageIsClosed, boolean stageIsWon, String name,
                               Money amount, LocalDate closeDate, UUID ownerId, UUID companyId) {
}
