package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that the person registered a login account; registering again changes nothing. */
public record RegisterPersonAccountCommand(
        @TargetAggregateIdentifier UUID personId,
        UUID organizationId,
        @TargetAggregateVersion Long expectedVersion) {
}
