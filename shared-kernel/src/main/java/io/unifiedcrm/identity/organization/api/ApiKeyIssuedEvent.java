package io.unifiedcrm.identity.organization.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An API key was issued to an organization; {@code keyHash} is the SHA-256 of the secret, hex encoded. Revision 2:
 * {@code ADMIN} exists, and the key issued with the organization (revision 1: {@code READ_WRITE}) is one.
 */
@Revision("2")
public record ApiKeyIssuedEvent(UUID organizationId, UUID apiKeyId, String keyHash, ApiKeyAccess access) {
}
