package io.unifiedcrm.identity.person.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The survivor's half of an unmerge: give back what {@code sourcePersonId} brought and nothing else. */
public record ReleaseMergedPersonCommand(@TargetAggregateIdentifier UUID personId, UUID organizationId,
                                         UUID sourcePersonId) {
}
