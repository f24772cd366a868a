package io.unifiedcrm.crm.activity.api;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An activity was logged. {@code occurredAt} (calls and notes) is {@code null} when the activity happened when it
 * was logged: the read models then take this event's timestamp. {@code personId}, {@code dealId} and
 * {@code companyId} are its links (at least one); the lead score counts calls and meetings by {@code personId}.
 */
@Revision("1")
public record ActivityCreatedEvent(UUID activityId, UUID organizationId, String type, UUID personId, UUID dealId,
                                   UUID companyId, UUID ownerId, String subject, String body, Instant occurredAt,
                                   Instant dueAt, Long durationSeconds, String outcome, Instant startAt,
                                   Instant endAt) {
}
