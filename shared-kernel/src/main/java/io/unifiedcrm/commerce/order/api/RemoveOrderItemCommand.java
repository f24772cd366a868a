package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Takes a line out of a cart. */
public record RemoveOrderItemCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId, UUID lineId,
                                     @TargetAggregateVersion Long expectedVersion) {
}
