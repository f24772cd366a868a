package io.unifiedcrm.commerce.order.api;

import java.util.UUID;

/** Answered with an {@code Optional<OrderView>}; another organization's order is not found. */
public record FindOrderQuery(UUID organizationId, UUID orderId) {
}
