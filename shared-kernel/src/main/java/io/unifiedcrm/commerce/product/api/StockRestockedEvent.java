package io.unifiedcrm.commerce.product.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Units arrived; {@code onHand} after them. */
@Revision("1")
public record StockRestockedEvent(UUID productId, UUID organizationId, long quantity, long onHand) {
}
