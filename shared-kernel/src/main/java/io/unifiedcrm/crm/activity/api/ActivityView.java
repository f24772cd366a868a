package io.unifiedcrm.crm.activity.api;

import io.unifiedcrm.shared.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * One activity of a timeline. {@code occurredAt} places it there: when a call or note happened (when it was logged
 * unless given), a meeting's start, a task's creation, an order's completion. A {@code purchase} carries its
 * {@code orderId} and {@code amount} (the order's total) and has version 0: it is not an aggregate of its own.
 */
public record ActivityView(UUID id, String type, UUID personId, UUID dealId, UUID companyId, UUID ownerId,
                           String subject, String body, Instant occurredAt, Instant dueAt, Long durationSeconds,
                           String outcome, Instant startAt, Instant endAt, boolean completed, Instant completedAt,
                           UUID orderId, Money amount, Instant createdAt, Instant updatedAt, long version) {
}
