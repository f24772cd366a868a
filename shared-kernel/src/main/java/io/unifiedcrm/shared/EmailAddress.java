package io.unifiedcrm.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as a person typed it (case kept), validated for syntax. Two addresses are the same person's
 * address when their {@link #canonical()} forms are equal.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    // Pragmatic syntax check: one @, a non-empty local part without spaces, a dotted domain of valid labels.
    private static final Pattern SYNTAX = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !SYNTAX.matcher(value).matches()
                || value.startsWith(".") || value.contains("..") || value.indexOf('@') > 64) {
            throw new DomainRuleViolation(ErrorCode.INVALID_EMAIL, "email", "Not a valid e-mail address.");
        }
    }

    public static EmailAddress of(String raw) {
        return new EmailAddress(raw == null ? null : raw.strip());
    }

    /** The form used for uniqueness: lower case. */
    public String canonical() {
        return value.toLowerCase(Locale.ROOT);
    }
}
