package io.unifiedcrm.commerce.order.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Units of some lines were shipped; {@code fulfillmentStatus} is the order's after it. */
@Revision("1")
public record OrderLinesFulfilledEvent(UUID orderId, UUID organizationId, UUID personId, UUID fulfillmentId,
                                       List<FulfilledLine> lines, String fulfillmentStatus) {
}
