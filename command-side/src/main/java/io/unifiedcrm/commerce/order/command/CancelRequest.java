package io.unifiedcrm.commerce.order.command;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code POST /api/v1/orders/{id}/cancel} (optional). */
public record CancelRequest(@Schema(example = "customer changed their mind") String reason) {
}
