package io.unifiedcrm.commerce.order.api;

/** How much of an order is paid, derived from its payments and refunds. */
public enum PaymentStatus {
    PENDING("pending"),
    PARTIALLY_PAID("partially_paid"),
    PAID("paid"),
    PARTIALLY_REFUNDED("partially_refunded"),
    REFUNDED("refunded");

    private final String code;

    PaymentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
