package io.unifiedcrm.address.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A postal address (seed: shared.address); {@link #validated()} makes one as a client sent it into a valid one: 1–4 lines of at most 200 characters, a city, an
 * ISO 3166-1 alpha-2 country code (upper case; the country name defaults to its English name), optional state or
 * province, postal code, label and coordinates (both or neither, within range). Part of the address events.
 */
public record PostalAddress(
        List<String> lines,
        String city,
        String stateProvince,
        String postalCode,
        String country,
        String countryCode,
        String label,
        BigDecimal latitude,
        BigDecimal longitude) {

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_LINES = 4;
    private static final int MAX_LINE_LENGTH = 200;
    private static final int MAX_TEXT_LENGTH = 100;

    public PostalAddress {
        // not List.copyOf: a client's list may hold nulls, which validated() rejects with a clear error
        lines = lines == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lines));
    }

    /** The address as a client sent it, trimmed and checked. */
    public PostalAddress validated() {
        List<String> trimmed = lines == null ? List.of()
                : lines.stream().map(line -> line == null ? "" : line.strip()).filter(line -> !line.isEmpty()).toList();
        if (trimmed.isEmpty() || trimmed.size() > MAX_LINES) {
            throw invalid("lines", "An address has 1 to " + MAX_LINES + " non-blank lines.");
        }
        if (trimmed.stream().anyMatch(line -> line.length() > MAX_LINE_LENGTH)) {
            throw invalid("lines", "An address line has at most " + MAX_LINE_LENGTH + " characters.");
        }
        String code = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
        if (!ISO_COUNTRIES.contains(code)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_COUNTRY, "countryCode",
                    "Not an ISO 3166-1 alpha-2 country code, e.g. DE or US.");
        }
        if ((latitude == null) != (longitude == null)) {
            throw invalid("latitude", "Give both latitude and longitude, or neither.");
        }
        if (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0
                || latitude.stripTrailingZeros().scale() > 12 || longitude.stripTrailingZeros().scale() > 12)) {
            throw invalid("latitude", "Latitude is within ±90 and longitude within ±180 degrees, at most 12 "
                    + "decimal places.");
        }
        String countryName = text("country", country);
        return new PostalAddress(trimmed, required("city", city), text("stateProvince", stateProvince),
                text("postalCode", postalCode),
                countryName != null ? countryName : new Locale("", code).getDisplayCountry(Locale.ENGLISH), code,
                text("label", label), sixDecimals(latitude), sixDecimals(longitude));
    }

    /** Coordinates are kept to six decimal places (about 0.1 m), as the read model stores them. */
    private static BigDecimal sixDecimals(BigDecimal degrees) {
        return degrees == null ? null : degrees.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    private static String required(String field, String value) {
        String text = text(field, value);
        if (text == null) {
            throw invalid(field, field + " must not be blank.");
        }
        return text;
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw invalid(field, field + " has at most " + MAX_TEXT_LENGTH + " characters.");
        }
        return trimmed;
    }

    private static DomainRuleViolation invalid(String field, String message) {
        return new DomainRuleViolation(ErrorCode.INVALID_ADDRESS, field, message);
    }
}
