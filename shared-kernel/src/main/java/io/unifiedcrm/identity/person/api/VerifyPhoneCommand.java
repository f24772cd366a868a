package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records that the person's current phone was verified (e.g. a confirmation link or code); again changes nothing. */
public record VerifyPhoneCommand(
        @TargetAggregateIdentifier UUID personId,
        UUID organizationId,
        @TargetAggregateVersion Long expectedVersion) {
}
