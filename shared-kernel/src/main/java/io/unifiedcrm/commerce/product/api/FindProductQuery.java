package io.unifiedcrm.commerce.product.api;

import java.util.UUID;

/** Answered with an {@code Optional<ProductView>}; another organization's product is not found. */
public record FindProductQuery(UUID organizationId, UUID productId) {
}
