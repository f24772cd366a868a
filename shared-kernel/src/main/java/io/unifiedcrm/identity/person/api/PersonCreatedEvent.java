package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A person was created; {@code phone} (E.164) and {@code source} may be {@code null}. */
@Revision("1")
public record PersonCreatedEvent(
        UUID personId,
        UUID organizationId,
        String email,
        String firstName,
        String lastName,
        String phone,
        String source) {
}
