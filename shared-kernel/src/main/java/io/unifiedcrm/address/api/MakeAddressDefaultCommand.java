package io.unifiedcrm.address.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes the address its owner's default for its type (the previous default of that type stops being one). */
public record MakeAddressDefaultCommand(@TargetAggregateIdentifier UUID addressId, UUID organizationId) {
}
