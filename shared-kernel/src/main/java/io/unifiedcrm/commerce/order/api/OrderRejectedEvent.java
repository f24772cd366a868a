package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The order could not be placed ({@code reason} is a stable code, e.g. out_of_stock for {@code productId}). */
@Revision("1")
public record OrderRejectedEvent(UUID orderId, UUID organizationId, UUID personId, String reason, UUID productId,
                                 String detail) {
}
