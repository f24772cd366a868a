package io.unifiedcrm.address.api;

import java.util.UUID;

/** Answered with an {@code Optional<AddressView>}; another organization's address is not found. */
public record FindAddressQuery(UUID organizationId, UUID addressId) {
}
