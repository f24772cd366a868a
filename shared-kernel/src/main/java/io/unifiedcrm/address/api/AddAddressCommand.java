package io.unifiedcrm.address.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds an address to an owner. {@code ownerExists} is whether the owner is an entity of the organization, as the
 * command side's lookups know it (checked before the command, passed in so the aggregate decides). The address is
 * as the client sent it; the aggregate validates it.
 */
public record AddAddressCommand(
        @TargetAggregateIdentifier UUID addressId,
        UUID organizationId,
        String entityType,
        UUID entityId,
        boolean ownerExists,
        String type,
        PostalAddress address,
        boolean makeDefault) {
}
