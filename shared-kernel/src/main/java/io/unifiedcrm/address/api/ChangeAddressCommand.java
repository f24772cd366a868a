package io.unifiedcrm.address.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces an address's type and parts (PUT); the owner stays. */
public record ChangeAddressCommand(
        @TargetAggregateIdentifier UUID addressId,
        UUID organizationId,
        String type,
        PostalAddress address,
        @TargetAggregateVersion Long expectedVersion) {
}
