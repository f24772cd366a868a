package io.unifiedcrm.identity.organization.command;

import java.util.UUID;

/** Answer to creating an organization. {@code apiKey} is shown only here, once: store it. */
public record OrganizationCreated(UUID id, String name, String apiKey, long version) {
}
