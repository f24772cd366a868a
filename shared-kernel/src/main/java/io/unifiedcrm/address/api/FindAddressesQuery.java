package io.unifiedcrm.address.api;

import java.util.UUID;

/**
 * Answered with a page of the owner's addresses ({@link AddressPage}, in {@link AddressOrderKey} order), at most
 * {@code limit}, after the key {@code after} ({@code null} for the first page). A person's addresses include those of
 * the persons merged into them.
 */
public record FindAddressesQuery(UUID organizationId, String entityType, UUID entityId, AddressOrderKey after,
                                 int limit) {
}
