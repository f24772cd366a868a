package io.unifiedcrm.shared;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * An amount of money in an ISO 4217 currency, stored as decimal(19,4): at most 4 decimal places and 15 digits
 * before the point. Part of events, so its fields are permanent. In JSON the amount is a decimal string
 * ({@code "19.9900"}, ARCHITECTURE §5), so no client parses it into a binary floating-point number; a number is
 * read as well (events stored before carry numbers).
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

    /** A price or an amount paid: not negative. @throws DomainRuleViolation {@code invalid_money} */
    public static Money of(String field, BigDecimal amount, String currency) {
        if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 4
                || amount.abs().compareTo(LIMIT) >= 0) {
            throw new DomainRuleViolation(ErrorCode.INVALID_MONEY, field,
                    field + " is an amount of at least 0 with at most 4 decimal places.");
        }
        String code;
        try {
            code = CurrencyCode.of(currency).value();
        } catch (DomainRuleViolation unknown) {
            throw new DomainRuleViolation(ErrorCode.UNKNOWN_CURRENCY, field, "Not an ISO 4217 currency code.");
        }
        return new Money(amount.setScale(4, java.math.RoundingMode.UNNECESSARY), code);
    }
}
