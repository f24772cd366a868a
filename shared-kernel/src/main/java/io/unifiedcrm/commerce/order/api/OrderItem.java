package io.unifiedcrm.commerce.order.api;

import java.math.BigDecimal;
import java.util.UUID;

/** A line to add: {@code quantity} units of a product at its current price, less {@code discount}, plus tax. */
public record OrderItem(UUID lineId, UUID productId, long quantity, BigDecimal discount, String discountCurrency,
                        BigDecimal taxRate) {
}
