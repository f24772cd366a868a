package io.unifiedcrm.commerce.order.api;

/** How much of an order has been shipped. */
public enum FulfillmentStatus {
    UNFULFILLED("unfulfilled"),
    PARTIALLY_FULFILLED("partially_fulfilled"),
    FULFILLED("fulfilled");

    private final String code;

    FulfillmentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
