package io.unifiedcrm.address.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The address's type and parts after the change. */
@Revision("1")
public record AddressChangedEvent(UUID addressId, UUID organizationId, String entityType, UUID entityId, String type,
                                  PostalAddress address) {
}
