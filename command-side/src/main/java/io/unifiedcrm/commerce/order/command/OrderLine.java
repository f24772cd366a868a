package io.unifiedcrm.commerce.order.command;

import io.unifiedcrm.shared.Money;
import java.util.UUID;

/** A line of an order as the aggregate keeps it: what was ordered, its price and how many units were shipped. */
record OrderLine(UUID lineId, UUID productId, long quantity, Money unitPrice, Money discount, Money tax,
                 long fulfilled) {

    long unshipped() {
        return quantity - fulfilled;
    }

    OrderLine shipped(long units) {
        return new OrderLine(lineId, productId, quantity, unitPrice, discount, tax, fulfilled + units);
    }
}
