package io.unifiedcrm.platform.record.api;

import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a record of {@code objectType} with {@code properties} that must satisfy the type's schema in force.
 * {@code personId} optionally links a person of the organization ({@code personInOrganization} says whether it is
 * one, as the command side knows it); owner and team are optional.
 */
public record CreateRecordCommand(
        @TargetAggregateIdentifier UUID recordId,
        UUID organizationId,
        String objectType,
        Map<String, Object> properties,
        UUID personId,
        boolean personInOrganization,
        UUID ownerId,
        UUID teamId) {
}
