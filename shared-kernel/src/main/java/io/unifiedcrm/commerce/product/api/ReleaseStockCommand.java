package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives back what an order reserved (a cancelled or rejected order); nothing reserved changes nothing. */
public record ReleaseStockCommand(@TargetAggregateIdentifier UUID productId, UUID organizationId, UUID orderId) {
}
