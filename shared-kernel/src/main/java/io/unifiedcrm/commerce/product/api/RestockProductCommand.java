package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds {@code quantity} (≥ 1) units to the stock on hand. */
public record RestockProductCommand(@TargetAggregateIdentifier UUID productId, UUID organizationId, long quantity) {
}
