package io.unifiedcrm.crm.company.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A company: a platform record of the system type {@code company} with its standard properties, and how many
 * contacts name it as their {@code companyId}.
 */
public record CompanyView(UUID recordId, String name, String domain, String industry, Long size, long contactCount,
                          Instant createdAt) {
}
