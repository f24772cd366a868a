package io.unifiedcrm.commerce.product.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Changes a product; a {@code null} part stays as it is (the SKU never changes). */
public record ChangeProductCommand(
        @TargetAggregateIdentifier UUID productId,
        UUID organizationId,
        String name,
        String description,
        BigDecimal priceAmount,
        String priceCurrency,
        String status,
        List<String> tags,
        @TargetAggregateVersion Long expectedVersion) {
}
