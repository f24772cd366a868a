package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the stock saga when every product's stock is reserved for the order. */
public record ConfirmOrderPlacementCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId) {
}
