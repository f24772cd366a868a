package io.unifiedcrm.search.projection;

import io.unifiedcrm.commerce.product.api.ProductChangedEvent;
import io.unifiedcrm.commerce.product.api.ProductCreatedEvent;
import io.unifiedcrm.search.api.SearchType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Products' search documents, from the Product's events: found by SKU (exactly first), name, description and tags. */
@Component
@ProcessingGroup(SearchProcessingGroup.NAME)
class ProductSearchProjection {

    private final SearchDocuments documents;

    ProductSearchProjection(SearchDocuments documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ProductCreatedEvent event, @SequenceNumber long sequenceNumber) {
        documents.insertIfAbsent(new ProductSource(event.sku(), event.name(), event.description(), event.tags(),
                event.status()).document(event.productId(), event.organizationId(), sequenceNumber));
    }

    @EventHandler
    void on(ProductChangedEvent event, @SequenceNumber long sequenceNumber) {
        documents.find(event.productId(), SearchType.PRODUCT).filter(stored -> stored.version() < sequenceNumber)
                .ifPresent(stored -> documents.update(new ProductSource(stored.source(ProductSource.class).sku(),
                        event.name(), event.description(), event.tags(), event.status())
                        .document(event.productId(), stored.organizationId(), sequenceNumber)));
    }

    @ResetHandler
    void reset() {
        documents.deleteAll(SearchType.PRODUCT);
    }

    /** What a product's document is built from. */
    record ProductSource(String sku, String name, String description, List<String> tags, String status) {

        ProductSource {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** Title: the name; subtitle: the SKU. An archived product is not found. */
        SearchDocument document(UUID productId, UUID organizationId, long version) {
            List<SearchField> fields = new ArrayList<>();
            SearchField.addTo(fields, SearchField.a("sku", sku));
            SearchField.addTo(fields, SearchField.a("name", name));
            SearchField.addTo(fields, SearchField.b("description", description));
            SearchField.addTo(fields, SearchField.b("tags", String.join(" ", tags)));
            return new SearchDocument(SearchType.PRODUCT, productId, organizationId, null,
                    "archived".equals(status) ? "archived" : SearchDocument.ACTIVE, name == null ? "" : name, sku,
                    fields, name, SearchDocument.keys(List.of(sku)), this, version);
        }
    }
}
