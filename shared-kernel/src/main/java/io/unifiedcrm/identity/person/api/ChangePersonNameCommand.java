package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a person's first and/or last name; a {@code null} name is left as it is. */
public record ChangePersonNameCommand(
        @TargetAggregateIdentifier UUID personId,
        UUID organizationId,
        String firstName,
        String lastName) {
}
