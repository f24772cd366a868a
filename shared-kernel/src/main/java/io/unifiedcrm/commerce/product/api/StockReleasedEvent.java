package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An order's reservation was given back. */
@Revision("1")
public record StockReleasedEvent(UUID productId, UUID organizationId, UUID orderId, long quantity) {
}
