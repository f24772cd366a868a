package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A paid and fulfilled order was closed as done. */
@Revision("1")
public record OrderCompletedEvent(UUID orderId, UUID organizationId, UUID personId) {
}
