package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Changes a person's first and/or last name; a {@code null} name is left as it is. With an
 * {@code expectedVersion} the change applies only to that version of the person.
 */
public record ChangePersonNameCommand(
        @TargetAggregateIdentifier UUID personId,
        UUID organizationId,
        String firstName,
        String lastName,
        @TargetAggregateVersion Long expectedVersion) {
}
