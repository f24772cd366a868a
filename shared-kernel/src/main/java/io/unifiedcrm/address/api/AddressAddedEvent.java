package io.unifiedcrm.address.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An address was added to an owner ({@code entityType}/{@code entityId}). */
@Revision("1")
public record AddressAddedEvent(UUID addressId, UUID organizationId, String entityType, UUID entityId, String type,
                                PostalAddress address) {
}
