package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's name after the change (both parts). */
@Revision("1")
public record PersonNameChangedEvent(UUID personId, UUID organizationId, String firstName, String lastName) {
}
