package io.unifiedcrm.commerce.order.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One keyset page of orders, newest first, filtered by every non-null criterion; an {@link OrderPage}. The person
 * filter includes the orders of everybody merged into that person. The page starts after the order with
 * {@code (beforeCreatedAt, beforeId)} in that order.
 */
public record FindOrdersQuery(UUID organizationId, UUID personId, String status, Instant beforeCreatedAt,
                              UUID beforeId, int limit) {
}
