package io.unifiedcrm.commerce.product.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Locale;
import java.util.regex.Pattern;

/** A stock keeping unit: 1 to 64 of letters, digits and . _ - /, starting with a letter or digit; any case is one. */
public record Sku(String value) {

    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]{0,63}");

    public Sku {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_SKU, "sku",
                    "A SKU is 1 to 64 of letters, digits and . _ - /, starting with a letter or digit.");
        }
    }

    public static Sku of(String raw) {
        return new Sku(raw == null ? null : raw.strip());
    }

    /** The form SKUs are compared in: lower case. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }
}
