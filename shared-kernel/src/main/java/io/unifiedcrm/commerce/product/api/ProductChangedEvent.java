package io.unifiedcrm.commerce.product.api;

import io.unifiedcrm.shared.Money;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The product after the change (everything but the SKU). */
@Revision("1")
public record ProductChangedEvent(UUID productId, UUID organizationId, String name, String description, Money price, String status, List<String> tags) {
}
