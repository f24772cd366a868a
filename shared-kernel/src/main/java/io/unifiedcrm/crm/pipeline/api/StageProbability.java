package io.unifiedcrm.crm.pipeline.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.math.BigDecimal;

/**
 * The chance, in percent, that a deal in a stage is won: 0 to 100, a whole number or at most 2 decimal places
 * (numeric(5,2) in the read model). Normalized without trailing zeros ({@code 20}, {@code 12.5}).
 */
public final class StageProbability {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private StageProbability() {
    }

    /** @throws DomainRuleViolation {@code required_field} or {@code invalid_probability} naming {@code field} */
    public static BigDecimal of(String field, BigDecimal probability) {
        if (probability == null) {
            throw new DomainRuleViolation(ErrorCode.REQUIRED_FIELD, field, field + " is required.");
        }
        BigDecimal stripped = probability.stripTrailingZeros();
        if (stripped.signum() < 0 || stripped.compareTo(HUNDRED) > 0 || stripped.scale() > 2) {
            throw new DomainRuleViolation(ErrorCode.INVALID_PROBABILITY, field,
                    field + " is a percentage from 0 to 100 with at most 2 decimal places.");
        }
        return normalized(stripped);
    }

    /** The same number without trailing zeros and never in exponent form ({@code 100}, not {@code 1E+2}). */
    public static BigDecimal normalized(BigDecimal probability) {
        BigDecimal stripped = probability.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
