package io.unifiedcrm.commerce.order.api;

import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.util.UUID;

/** A line of an order: the product as it was when added, its price, discount, tax and how many units shipped. */
public record OrderLineView(
        UUID lineId,
        int position,
        UUID productId,
        String sku,
        String productName,
        long quantity,
        Money unitPrice,
        Money discount,
        BigDecimal taxRate,
        Money tax,
        Money lineTotal,
        long fulfilledQuantity) {
}
