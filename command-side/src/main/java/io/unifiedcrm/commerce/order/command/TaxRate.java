package io.unifiedcrm.commerce.order.command;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.math.BigDecimal;

/** A tax rate in percent, from 0 to 100 with at most 4 decimal places (20 = 20 %). */
record TaxRate(BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    TaxRate {
        if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0
                || percent.stripTrailingZeros().scale() > 4) {
            throw new DomainRuleViolation(ErrorCode.INVALID_TAX_RATE, "taxRate",
                    "taxRate is a percentage from 0 to 100 with at most 4 decimal places.");
        }
        percent = percent.setScale(4, java.math.RoundingMode.UNNECESSARY);
    }

    static TaxRate of(BigDecimal raw) {
        return new TaxRate(raw == null ? BigDecimal.ZERO : raw);
    }
}
