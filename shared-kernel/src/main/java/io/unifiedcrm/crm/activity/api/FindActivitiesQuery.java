package io.unifiedcrm.crm.activity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A page of an organization's activities, newest first by (occurredAt, id), after the key of the previous page's last
 * one ({@code null}s for the first page). {@code personId} includes the persons merged into that person; every
 * filter is optional and they combine with AND.
 */
public record FindActivitiesQuery(UUID organizationId, UUID personId, UUID dealId, UUID companyId, String type,
                                  Instant beforeOccurredAt, UUID beforeId, int limit) {
}
