package io.unifiedcrm.commerce.order.api;

import java.util.UUID;

/** Units of one order line to ship. */
public record FulfilmentItem(UUID lineId, long quantity) {
}
