package io.unifiedcrm.address.api;

import java.util.UUID;

/**
 * Answered with the owner's addresses ({@code List<AddressView>}, by type then creation). A person's addresses
 * include those of the persons merged into them.
 */
public record FindAddressesQuery(UUID organizationId, String entityType, UUID entityId) {
}
