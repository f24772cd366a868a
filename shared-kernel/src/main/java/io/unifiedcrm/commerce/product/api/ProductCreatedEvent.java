package io.unifiedcrm.commerce.product.api;

import io.unifiedcrm.shared.Money;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A product was added to the catalog (status active). */
@Revision("1")
public record ProductCreatedEvent(UUID productId, UUID organizationId, String sku, String name, String description, Money price, String status, List<String> tags) {
}
