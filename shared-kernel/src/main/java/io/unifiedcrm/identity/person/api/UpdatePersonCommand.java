package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes a person (PATCH): each {@code null} part is left as it is. {@code lifecycleStage} sets the stage
 * explicitly, overriding the rulebook. With an {@code expectedVersion} the change applies only to that version.
 * All parts change in one unit of work: all or nothing.
 */
public record UpdatePersonCommand(
        @TargetAggregateIdentifier UUID personId,
        UUID organizationId,
        String firstName,
        String lastName,
        Boolean vendor,
        String lifecycleStage,
        @TargetAggregateVersion Long expectedVersion) {
}
