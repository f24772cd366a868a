package io.unifiedcrm.commerce.order.command;

import io.unifiedcrm.commerce.order.api.OrderTotals;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;

/**
 * The arithmetic of an order. A line's tax is (quantity × unit price − discount) × rate / 100, rounded half-even to
 * the currency's minor unit (cents for EUR) and kept at 4 decimal places; the order's total is subtotal − discounts
 * + tax + shipping. Pure, so the totals in the events can be recomputed from the lines.
 */
final class OrderPricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OrderPricing() {
    }

    static Money gross(long quantity, Money unitPrice) {
        return money("subtotal", unitPrice.amount().multiply(BigDecimal.valueOf(quantity)), unitPrice.currency());
    }

    /** @throws DomainRuleViolation {@code invalid_discount} when the discount is more than the line's price */
    static Money tax(long quantity, Money unitPrice, Money discount, TaxRate rate) {
        BigDecimal gross = gross(quantity, unitPrice).amount();
        if (discount.amount().compareTo(gross) > 0) {
            throw new DomainRuleViolation(ErrorCode.INVALID_DISCOUNT, "discount",
                    "The discount is at most the line's price, " + gross.toPlainString() + ".");
        }
        BigDecimal tax = gross.subtract(discount.amount()).multiply(rate.percent()).divide(HUNDRED)
                .setScale(minorDigits(unitPrice.currency()), RoundingMode.HALF_EVEN);
        return money("tax", tax, unitPrice.currency());
    }

    static Money lineTotal(OrderLine line) {
        return money("total", gross(line.quantity(), line.unitPrice()).amount().subtract(line.discount().amount())
                .add(line.tax().amount()), line.unitPrice().currency());
    }

    static OrderTotals totals(Collection<OrderLine> lines, Money shipping) {
        String currency = shipping.currency();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal discounts = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (OrderLine line : lines) {
            subtotal = subtotal.add(gross(line.quantity(), line.unitPrice()).amount());
            discounts = discounts.add(line.discount().amount());
            tax = tax.add(line.tax().amount());
        }
        BigDecimal total = subtotal.subtract(discounts).add(tax).add(shipping.amount());
        return new OrderTotals(money("subtotal", subtotal, currency), money("discountTotal", discounts, currency),
                money("taxTotal", tax, currency), shipping, money("total", total, currency));
    }

    private static Money money(String field, BigDecimal amount, String currency) {
        return Money.of(field, amount.setScale(4, RoundingMode.UNNECESSARY), currency);
    }

    private static int minorDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return digits < 0 || digits > 4 ? 4 : digits;
    }
}
