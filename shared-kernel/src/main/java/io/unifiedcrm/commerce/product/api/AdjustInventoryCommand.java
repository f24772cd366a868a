package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the stock on hand after a count (never below what is reserved), with a reason such as {@code stocktake}. */
public record AdjustInventoryCommand(@TargetAggregateIdentifier UUID productId, UUID organizationId, long onHand,
                                     String reason) {
}
