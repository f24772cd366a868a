package io.unifiedcrm.commerce.order.api;

import io.unifiedcrm.shared.Money;

/**
 * An order's totals as the aggregate computed them: total = subtotal − discounts + tax + shipping. Part of events,
 * so its fields are permanent.
 */
public record OrderTotals(Money subtotal, Money discountTotal, Money taxTotal, Money shippingTotal, Money total) {
}
