package io.unifiedcrm.commerce.order.api;

import java.util.UUID;

/** Units of one product an order asks for (the lines of the same product added up). */
public record OrderedQuantity(UUID productId, long quantity) {
}
