package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Calls off a cart or a placed order of which nothing was shipped; reserved stock is released. */
public record CancelOrderCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId, String reason,
                                 @TargetAggregateVersion Long expectedVersion) {
}
