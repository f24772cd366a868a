package io.unifiedcrm.commerce.order.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Ships units of a placed order's lines; no lines = everything not yet shipped. */
public record FulfilOrderCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId, UUID fulfillmentId,
                                 List<FulfilmentItem> lines, @TargetAggregateVersion Long expectedVersion) {
}
