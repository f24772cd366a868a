package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Closes a fully paid and fully shipped order as done. */
public record CompleteOrderCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId,
                                   @TargetAggregateVersion Long expectedVersion) {
}
