package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The order was called off before anything was shipped; {@code wasPlaced} says whether stock was reserved. */
@Revision("1")
public record OrderCancelledEvent(UUID orderId, UUID organizationId, UUID personId, String reason,
                                  boolean wasPlaced) {
}
