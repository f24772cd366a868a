package io.unifiedcrm.shared;

import java.util.Currency;
import java.util.Locale;

/** An ISO 4217 currency code such as {@code EUR}. */
public record CurrencyCode(String value) {

    public CurrencyCode {
        if (value == null || !value.matches("[A-Z]{3}") || !isIso4217(value)) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_CURRENCY, "baseCurrency",
                    "Not an ISO 4217 currency code, e.g. EUR.");
        }
    }

    public static CurrencyCode of(String raw) {
        return new CurrencyCode(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
    }

    private static boolean isIso4217(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
