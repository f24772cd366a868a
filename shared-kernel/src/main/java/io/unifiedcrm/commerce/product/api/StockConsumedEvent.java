package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An order's reserved units left the warehouse. */
@Revision("1")
public record StockConsumedEvent(UUID productId, UUID organizationId, UUID orderId, long quantity) {
}
