package io.unifiedcrm.shared;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +} country code and subscriber number, at most 15 digits).
 * {@link #of(String)} accepts common separators (spaces, dashes, dots, parentheses) and removes them.
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");

    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_PHONE, "phone",
                    "Not a phone number in international form, e.g. +4930123456.");
        }
    }

    public static PhoneNumber of(String raw) {
        if (raw == null) {
            return new PhoneNumber(null);
        }
        String compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return new PhoneNumber(compact);
    }
}
