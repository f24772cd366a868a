package io.unifiedcrm.commerce.customer.api;

import java.util.UUID;

/** Answered with an {@code Optional<CustomerView>}; another organization's customer is not found. */
public record FindCustomerQuery(UUID organizationId, UUID personId) {
}
