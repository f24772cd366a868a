package io.unifiedcrm.commerce.order.api;

import io.unifiedcrm.shared.Money;
import java.time.Instant;
import java.util.UUID;

/** A payment received for an order. */
public record OrderPaymentView(UUID id, Money amount, String method, String providerReference, Instant recordedAt) {
}
