package io.unifiedcrm.commerce.order.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A line was taken out of a cart. */
@Revision("1")
public record OrderLineRemovedEvent(UUID orderId, UUID organizationId, UUID lineId, OrderTotals totals) {
}
