package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The survivor's half of a merge: take over {@code sourceProfile} by the survivorship rules. Sent to the survivor by
 * the merge, in the same unit of work as {@link MarkPersonMergedCommand}; answered with a {@link PersonMergeResult}.
 */
public record AbsorbPersonCommand(
        @TargetAggregateIdentifier UUID personId,
        UUID organizationId,
        UUID sourcePersonId,
        PersonProfile sourceProfile,
        boolean dryRun) {
}
