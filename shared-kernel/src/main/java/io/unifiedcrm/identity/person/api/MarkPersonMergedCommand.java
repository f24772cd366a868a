package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The source's half of a merge: it becomes a tombstone pointing to {@code survivorId}. */
public record MarkPersonMergedCommand(@TargetAggregateIdentifier UUID personId, UUID organizationId, UUID survivorId) {
}
