package io.unifiedcrm.commerce.order.api;

/** The state of an order: a cart until placed, then placed until completed or cancelled; rejected when its stock could not be reserved. */
public enum OrderStatus {
    CART("cart"),
    PLACED("placed"),
    REJECTED("rejected"),
    CANCELLED("cancelled"),
    COMPLETED("completed");

    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
