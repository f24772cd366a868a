package io.unifiedcrm.identity.organization.api;

import java.time.Instant;
import java.util.UUID;

public record OrganizationView(UUID id, String name, String baseCurrency, long version, Instant createdAt) {
}
