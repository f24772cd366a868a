package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Every line's stock is reserved: the order is placed with these totals (no longer a cart). {@code paymentStatus} is
 * {@code pending}, or {@code paid} for an order with nothing to pay.
 */
@Revision("1")
public record OrderPlacedEvent(UUID orderId, UUID organizationId, UUID personId, String shippingMethod,
                               OrderTotals totals, String paymentStatus) {
}
