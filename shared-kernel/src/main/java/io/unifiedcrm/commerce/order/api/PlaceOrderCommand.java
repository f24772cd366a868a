package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Checks a cart out: its stock is reserved, then it is placed, or rejected when a product is out of stock. */
public record PlaceOrderCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId,
                                @TargetAggregateVersion Long expectedVersion) {
}
