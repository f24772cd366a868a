package io.unifiedcrm.identity.person.api;

import io.unifiedcrm.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person's deals in the 360 (as primary person): the open ones and the latest closed ones, with counts. */
public record PersonDeals(long openCount, List<Deal> open, long closedCount, List<Deal> recentlyClosed) {

    /** One deal as the 360 lists it. */
    public record Deal(UUID id, String name, Money amount, String status, UUID pipelineId, UUID stageId,
                       String stageName, LocalDate closeDate, Instant updatedAt) {
    }
}
