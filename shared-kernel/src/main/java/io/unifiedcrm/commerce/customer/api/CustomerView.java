package io.unifiedcrm.commerce.customer.api;

import java.time.Instant;
import java.util.UUID;

/** The commerce extension of a person (seed commerce.customer); statistics join with the commerce domain. */
public record CustomerView(UUID personId, String customerNumber, Instant createdAt) {
}
