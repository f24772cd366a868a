package io.unifiedcrm.address.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replaces an address's type and parts (PUT); the owner stays. */
public record ChangeAddressCommand(
        @TargetAggregateIdentifier UUID addressId,
        UUID organizationId,
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
        @TargetAggregateVersion Long expectedVersion) {
}
