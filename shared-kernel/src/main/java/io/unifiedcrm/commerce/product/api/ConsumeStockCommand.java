package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order's reserved units leave the warehouse (fulfilment): on hand and reserved both go down. */
public record ConsumeStockCommand(@TargetAggregateIdentifier UUID productId, UUID organizationId, UUID orderId) {
}
