package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's names, display name and avatar after the change (all of them; {@code null} = not set). */
@Revision("1")
public record PersonProfileChangedEvent(
        UUID personId,
        UUID organizationId,
        String firstName,
        String lastName,
        String middleName,
        String displayName,
        String avatarUrl) {
}
