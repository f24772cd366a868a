package io.unifiedcrm.commerce.customer.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The person became a commerce customer (seed: commerce.customer), e.g. by checking out; {@code customerNumber} is
 * unique in the organization. Applied by the Person aggregate; the commerce read models consume it.
 */
@Revision("1")
public record CommerceCustomerCreatedEvent(UUID personId, UUID organizationId, String customerNumber) {
}
