package io.unifiedcrm.address.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

public record AddressView(
        UUID id,
        String entityType,
        UUID entityId,
        String type,
        boolean isDefault,
        List<String> lines,
        String city,
        String stateProvince,
        String postalCode,
        String country,
        String countryCode,
        String label,
        BigDecimal latitude,
        BigDecimal longitude,
        long version) {
}
