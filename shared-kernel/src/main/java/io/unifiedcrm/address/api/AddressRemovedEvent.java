package io.unifiedcrm.address.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AddressRemovedEvent(UUID addressId, UUID organizationId, String entityType, UUID entityId) {
}
