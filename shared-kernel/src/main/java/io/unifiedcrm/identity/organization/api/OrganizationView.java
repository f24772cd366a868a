package io.unifiedcrm.identity.organization.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record OrganizationView(UUID id, String name, String baseCurrency, Map<String, Object> settings, long version,
                               Instant createdAt) {
}
