package io.unifiedcrm.commerce.product.api;

import java.time.Instant;
import java.util.UUID;

/** One keyset page of products in creation order, filtered by every non-null criterion; a {@link ProductPage}. */
public record FindProductsQuery(UUID organizationId, String status, String tag, String namePrefix,
                                Instant afterCreatedAt, UUID afterId, int limit) {
}
