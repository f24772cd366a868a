package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's e-mail address {@code email} was verified. */
@Revision("1")
public record PersonEmailVerifiedEvent(UUID personId, UUID organizationId, String email) {
}
