package io.unifiedcrm.commerce.order.api;

import java.util.List;

public record OrderPage(List<OrderView> items, boolean hasMore) {
}
