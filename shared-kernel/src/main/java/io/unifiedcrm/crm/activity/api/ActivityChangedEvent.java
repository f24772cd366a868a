package io.unifiedcrm.crm.activity.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An activity as it is after a change: the full state, not a difference. {@code occurredAt} {@code null} means the
 * time the activity was logged.
 */
@Revision("1")
public record ActivityChangedEvent(UUID activityId, UUID organizationId, String type, UUID personId, UUID dealId,
                                   UUID companyId, UUID ownerId, String subject, String body, Instant occurredAt,
                                   Instant dueAt, Long durationSeconds, String outcome, Instant startAt,
                                   Instant endAt) {
}
