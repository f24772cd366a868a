package io.unifiedcrm.address.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The address is its owner's default of {@code type}; whichever address was the default of that type is not. */
@Revision("1")
public record AddressMadeDefaultEvent(UUID addressId, UUID organizationId, String entityType, UUID entityId,
                                      String type) {
}
