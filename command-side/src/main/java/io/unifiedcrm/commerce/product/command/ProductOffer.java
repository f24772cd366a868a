package io.unifiedcrm.commerce.product.command;

import io.unifiedcrm.shared.Money;
import java.util.UUID;

/** A product as an order line sees it when it is added. */
public record ProductOffer(UUID productId, String sku, String name, Money price, boolean active) {
}
