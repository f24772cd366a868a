package io.unifiedcrm.crm.contact.api;

import io.unifiedcrm.shared.FieldChange;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes a contact's fields with JSON merge-patch semantics: a {@code null} part stays as it is, a
 * {@link FieldChange} sets or (with a null value) removes it; {@code leadStatus} cannot be removed. The version is the
 * person's: a contact is part of the Person aggregate.
 */
public record ChangeContactCommand(
        @TargetAggregateIdentifier UUID personId,
        UUID organizationId,
        FieldChange<String> jobTitle,
        FieldChange<String> department,
        FieldChange<UUID> companyId,
        FieldChange<String> leadStatus,
        FieldChange<String> leadSource,
        FieldChange<UUID> ownerId,
        FieldChange<Instant> nextFollowUp,
        @TargetAggregateVersion Long expectedVersion) {
}
