package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person registered a login account (a storefront or portal account). */
@Revision("1")
public record PersonAccountRegisteredEvent(UUID personId, UUID organizationId) {
}
