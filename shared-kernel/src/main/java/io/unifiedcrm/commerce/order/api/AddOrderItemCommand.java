package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Adds a line to a cart. */
public record AddOrderItemCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId, OrderItem item,
                                  @TargetAggregateVersion Long expectedVersion) {
}
