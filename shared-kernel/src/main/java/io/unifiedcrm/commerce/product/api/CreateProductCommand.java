package io.unifiedcrm.commerce.product.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a product to the catalog; its price must be in the organization's base currency. */
public record CreateProductCommand(
        @TargetAggregateIdentifier UUID productId,
        UUID organizationId,
        String sku,
        String name,
        String description,
        BigDecimal priceAmount,
        String priceCurrency,
        List<String> tags) {
}
