package io.unifiedcrm.identity.person.api;

import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a person in the caller's organization. Optional fields are {@code null} when absent. */
public record CreatePersonCommand(
        @TargetAggregateIdentifier UUID personId,
        UUID organizationId,
        String email,
        String firstName,
        String lastName,
        String middleName,
        String displayName,
        String avatarUrl,
        String phone,
        String source,
        Map<String, Object> sourceDetails) {
}
