package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the stock saga when a product's stock could not be reserved (after it released what it had reserved). */
public record RejectOrderCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId, String reason,
                                 UUID productId, String detail) {
}
