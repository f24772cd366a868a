package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's phone number (E.164) after the change, {@code null} when removed; it is not verified. */
@Revision("1")
public record PersonPhoneChangedEvent(UUID personId, UUID organizationId, String phone) {
}
