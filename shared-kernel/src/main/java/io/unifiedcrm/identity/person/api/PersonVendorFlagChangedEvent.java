package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PersonVendorFlagChangedEvent(UUID personId, UUID organizationId, boolean vendor) {
}
