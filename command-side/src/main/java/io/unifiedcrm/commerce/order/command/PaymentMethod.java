package io.unifiedcrm.commerce.order.command;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a payment was made, as a code such as {@code card}, {@code paypal} or {@code bank_transfer}: lower case. */
record PaymentMethod(String code) {

    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9_\\-]{0,49}");

    PaymentMethod {
        if (code == null || !SYNTAX.matcher(code).matches()) {
            throw new DomainRuleViolation(ErrorCode.INVALID_PAYMENT_METHOD, "method",
                    "method is a code of 1 to 50 letters, digits, _ and -, e.g. card.");
        }
    }

    static PaymentMethod of(String raw) {
        return new PaymentMethod(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
    }
}
