package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code quantity} of an order's reserved units leave the warehouse (fulfilment): on hand and reserved both go down.
 * Never more than the order still has reserved.
 */
public record ConsumeStockCommand(@TargetAggregateIdentifier UUID productId, UUID organizationId, UUID orderId,
                                  long quantity) {
}
