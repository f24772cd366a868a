package io.unifiedcrm.crm.activity.api;

import io.unifiedcrm.shared.FieldChange;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes an activity with JSON merge-patch semantics: a {@code null} part stays as it is, a {@link FieldChange}
 * sets or (with a null value) removes it. The type cannot change; the result must satisfy the type's rules.
 */
public record ChangeActivityCommand(
        @TargetAggregateIdentifier UUID activityId,
        UUID organizationId,
        FieldChange<UUID> personId,
        FieldChange<UUID> dealId,
        FieldChange<UUID> companyId,
        FieldChange<UUID> ownerId,
        FieldChange<String> subject,
        FieldChange<String> body,
        FieldChange<Instant> occurredAt,
        FieldChange<Instant> dueAt,
        FieldChange<Long> durationSeconds,
        FieldChange<String> outcome,
        FieldChange<Instant> startAt,
        FieldChange<Instant> endAt,
        @TargetAggregateVersion Long expectedVersion) {
}
