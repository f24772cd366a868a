package io.unifiedcrm.commerce.order.api;

import io.unifiedcrm.shared.Money;
import java.time.Instant;
import java.util.UUID;

/** Money given back to the customer of an order. */
public record OrderRefundView(UUID id, Money amount, String reason, Instant recordedAt) {
}
