package io.unifiedcrm.commerce.order.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a cart for a person, in the organization's base currency ({@code currency} may be given and must then be
 * that one), with an optional shipping method and price and optional first items.
 */
public record CreateOrderCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId, UUID personId,
                                 String currency, String shippingMethod, BigDecimal shippingAmount,
                                 String shippingCurrency, List<OrderItem> items) {
}
