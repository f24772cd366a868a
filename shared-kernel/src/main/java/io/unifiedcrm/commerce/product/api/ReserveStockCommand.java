package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reserves {@code quantity} units for an order, or refuses with {@code insufficient_stock} when fewer are
 * available (on hand minus reserved). Reserving again for the same order changes nothing.
 */
public record ReserveStockCommand(@TargetAggregateIdentifier UUID productId, UUID organizationId, UUID orderId,
                                  long quantity) {
}
