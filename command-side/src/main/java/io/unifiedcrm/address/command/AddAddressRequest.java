package io.unifiedcrm.address.command;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.address.api.PostalAddress;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/v1/addresses}: the owner, the address's type and parts. */
public record AddAddressRequest(
        @NotNull @Schema(example = "person", allowableValues = {"person", "company", "order"}) String entityType,
        @NotNull @Schema(example = "7d3c8a4e-5f7b-4c1e-9a52-2f4b1e6c9d01") UUID entityId,
        @Schema(example = "shipping", allowableValues = {"billing", "shipping", "business", "home"}) String type,
        @Schema(example = "[\"12 Analytical Row\", \"Flat 3\"]", description = "1 to 4 lines") List<String> lines,
        @Schema(example = "London") String city,
        @Schema(example = "Greater London") String stateProvince,
        @Schema(example = "EC1A 1BB") String postalCode,
        @Schema(example = "United Kingdom", description = "defaults to the English name of countryCode")
        String country,
        @Schema(example = "GB", description = "ISO 3166-1 alpha-2") String countryCode,
        @Schema(example = "Home office") String label,
        @Schema(example = "51.5194") BigDecimal latitude,
        @Schema(example = "-0.1270") BigDecimal longitude,
        @Schema(example = "true", description = "make it the owner's default of its type; the first address of a "
                + "type is the default anyway") Boolean isDefault) {

    PostalAddress address() {
        return new PostalAddress(lines, city, stateProvince, postalCode, country, countryCode, label, latitude,
                longitude);
    }
}
