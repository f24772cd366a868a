package io.unifiedcrm.crm.activity.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Logs an activity: a {@code task} (subject, dueAt), a {@code call} (outcome, durationSeconds, occurredAt), a
 * {@code meeting} (subject, startAt before endAt) or a {@code note} (body, occurredAt), linked to a person, a deal
 * and/or a company. Fields that do not belong to the type are refused.
 */
public record CreateActivityCommand(UUID activityId, UUID organizationId, String type, UUID personId, UUID dealId,
                                    UUID companyId, UUID ownerId, String subject, String body, Instant occurredAt,
                                    Instant dueAt, Long durationSeconds, String outcome, Instant startAt,
                                    Instant endAt) {
}
