package io.unifiedcrm.address.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds an address to an owner. {@code ownerExists} is whether the owner is an entity of the organization, as the
 * command side's lookups know it (checked before the command, passed in so the aggregate decides).
 */
public record AddAddressCommand(
        @TargetAggregateIdentifier UUID addressId,
        UUID organizationId,
        String entityType,
        UUID entityId,
        boolean ownerExists,
        String type,
        List<String> lines,
        String city,
        String stateProvince,
        String postalCode,
        String country,
        String countryCode,
        String label,
        BigDecimal latitude,
        BigDecimal longitude,
        boolean makeDefault) {
}
