package io.unifiedcrm.commerce.order.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The customer checked out: the stock of every product is to be reserved (by the order's stock saga) before the
 * order is placed or rejected.
 */
@Revision("1")
public record OrderPlacementRequestedEvent(UUID orderId, UUID organizationId, UUID personId,
                                           List<OrderedQuantity> quantities) {
}
