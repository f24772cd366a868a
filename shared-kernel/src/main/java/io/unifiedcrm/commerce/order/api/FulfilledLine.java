package io.unifiedcrm.commerce.order.api;

import java.util.UUID;

/** Units of one order line that left the warehouse in a fulfilment. */
public record FulfilledLine(UUID lineId, UUID productId, long quantity) {
}
