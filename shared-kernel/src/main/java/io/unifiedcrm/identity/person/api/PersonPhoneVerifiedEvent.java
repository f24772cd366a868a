package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's phone number {@code phone} (E.164) was verified. */
@Revision("1")
public record PersonPhoneVerifiedEvent(UUID personId, UUID organizationId, String phone) {
}
