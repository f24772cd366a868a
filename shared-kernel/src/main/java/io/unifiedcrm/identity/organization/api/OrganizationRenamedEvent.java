package io.unifiedcrm.identity.organization.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrganizationRenamedEvent(UUID organizationId, String name) {
}
