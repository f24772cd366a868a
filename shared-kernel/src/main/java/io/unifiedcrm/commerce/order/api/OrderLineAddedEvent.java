package io.unifiedcrm.commerce.order.api;

import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A line was added to a cart at the product's price of that moment. {@code tax} is (quantity × unit price − discount)
 * × taxRate / 100, rounded to the currency's minor unit; {@code lineTotal} is the line after discount and tax.
 */
@Revision("1")
public record OrderLineAddedEvent(UUID orderId, UUID organizationId, UUID lineId, UUID productId, String sku,
                                  String productName, long quantity, Money unitPrice, Money discount,
                                  BigDecimal taxRate, Money tax, Money lineTotal, OrderTotals totals) {
}
