package io.unifiedcrm.crm.deal.api;

import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A deal as the read model holds it, with its stage's current name and probability and its stage history (oldest
 * first). {@code status} is open, won or lost; {@code closedAt} when it was last won or lost (null while open).
 */
public record DealView(
        UUID id,
        String name,
        Money amount,
        UUID pipelineId,
        UUID stageId,
        String stageName,
        BigDecimal stageProbability,
        String status,
        LocalDate closeDate,
        UUID ownerId,
        UUID personId,
        UUID companyId,
        String lostReason,
        Instant stageEnteredAt,
        Instant closedAt,
        List<DealStageHistoryView> stageHistory,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
