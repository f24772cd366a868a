package io.unifiedcrm.crm.company.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of an organization's active companies in creation order, after the key of the previous page's last one
 * ({@code null}s for the first page); {@code prefix} matches the start of the name or the domain in any case.
 */
public record FindCompaniesQuery(UUID organizationId, String prefix, Instant afterCreatedAt, UUID afterId,
                                 int limit) {
}
