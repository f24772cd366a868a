package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The stock on hand was set after a count. */
@Revision("1")
public record StockAdjustedEvent(UUID productId, UUID organizationId, long onHand, long previousOnHand, String reason) {
}
