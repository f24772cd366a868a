package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The source's half of an unmerge: it is a person of its own again, as it was before the merge. */
public record RestoreMergedPersonCommand(@TargetAggregateIdentifier UUID personId, UUID organizationId,
                                         UUID formerSurvivorId) {
}
