package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Units reserved for an order. */
@Revision("1")
public record StockReservedEvent(UUID productId, UUID organizationId, UUID orderId, long quantity) {
}
