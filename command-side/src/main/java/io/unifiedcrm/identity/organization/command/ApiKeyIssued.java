package io.unifiedcrm.identity.organization.command;

import java.util.UUID;

/** Answer to issuing an API key. {@code apiKey} is shown only here, once: store it. */
public record ApiKeyIssued(UUID id, String access, String apiKey, long version) {
}
