package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's primary e-mail address changed; the new one is not verified and the previous one is released. */
@Revision("1")
public record PersonEmailChangedEvent(UUID personId, UUID organizationId, String email, String previousEmail) {
}
