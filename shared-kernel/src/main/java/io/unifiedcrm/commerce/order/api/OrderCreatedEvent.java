package io.unifiedcrm.commerce.order.api;

import io.unifiedcrm.shared.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A cart was opened for a person (who is a commerce customer from then on). */
@Revision("1")
public record OrderCreatedEvent(UUID orderId, UUID organizationId, UUID personId, String customerNumber,
                                String currency, String shippingMethod, Money shipping, OrderTotals totals) {
}
