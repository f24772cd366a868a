package io.unifiedcrm.commerce.product.api;

import java.util.List;

public record ProductPage(List<ProductView> items, boolean hasMore) {
}
