package io.unifiedcrm.crm.deal.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A stay of a deal in a stage: when it entered and left (null while it is still there) and how long it stayed in
 * milliseconds (null while it is still there), from the events' timestamps.
 */
public record DealStageHistoryView(UUID stageId, String stageName, Instant enteredAt, Instant leftAt,
                                   Long timeInStageMs) {
}
