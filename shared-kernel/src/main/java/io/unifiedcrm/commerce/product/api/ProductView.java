package io.unifiedcrm.commerce.product.api;

import io.unifiedcrm.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product with its inventory level: on hand, reserved for orders, available (on hand − reserved). */
public record ProductView(
        UUID id,
        String sku,
        String name,
        String description,
        Money price,
        String status,
        List<String> tags,
        long onHand,
        long reserved,
        long available,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
