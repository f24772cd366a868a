package io.unifiedcrm.identity.organization.api;

import java.util.UUID;

/**
 * Answered with an {@code ApiKeyPage}: the organization's keys (never their secrets or hashes) in issue order,
 * at most {@code limit} after the key {@code afterApiKeyId} ({@code null} for the first page).
 */
public record FindApiKeysQuery(UUID organizationId, UUID afterApiKeyId, int limit) {
}
