package io.unifiedcrm.identity.person.api;

import io.unifiedcrm.shared.FieldChange;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes a person with JSON merge-patch semantics: a {@code null} part is left as it is, a {@link FieldChange}
 * sets or removes it. {@code sourceDetails} is itself a merge patch applied to the current details.
 * {@code lifecycleStage} sets the stage explicitly (overriding the rulebook) or, removed, clears the override.
 * With an {@code expectedVersion} the change applies only to that version. All parts change in one unit of work.
 */
public record UpdatePersonCommand(
        @TargetAggregateIdentifier UUID personId,
        UUID organizationId,
        FieldChange<String> email,
        FieldChange<String> phone,
        FieldChange<String> firstName,
        FieldChange<String> lastName,
        FieldChange<String> middleName,
        FieldChange<String> displayName,
        FieldChange<String> avatarUrl,
        FieldChange<Map<String, Object>> sourceDetails,
        FieldChange<Boolean> vendor,
        FieldChange<String> lifecycleStage,
        @TargetAggregateVersion Long expectedVersion) {
}
