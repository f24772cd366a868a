package io.unifiedcrm.identity.organization.api;

import java.time.Instant;
import java.util.UUID;

/** An API key as its organization sees it: never its secret. */
public record ApiKeyView(UUID id, String access, Instant issuedAt, Instant revokedAt) {
}
