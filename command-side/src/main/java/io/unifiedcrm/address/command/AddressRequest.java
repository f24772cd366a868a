package io.unifiedcrm.address.command;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.address.api.PostalAddress;
import java.math.BigDecimal;
import java.util.List;

/** Body of {@code PUT /api/v1/addresses/{id}}: the address's type and all its parts. */
public record AddressRequest(
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
        @Schema(example = "-0.1270") BigDecimal longitude) {

    PostalAddress address() {
        return new PostalAddress(lines, city, stateProvince, postalCode, country, countryCode, label, latitude,
                longitude);
    }
}
