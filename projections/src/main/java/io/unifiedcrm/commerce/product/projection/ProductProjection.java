package io.unifiedcrm.commerce.product.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.commerce.product.api.ProductChangedEvent;
import io.unifiedcrm.commerce.product.api.ProductCreatedEvent;
import io.unifiedcrm.commerce.product.api.StockAdjustedEvent;
import io.unifiedcrm.commerce.product.api.StockConsumedEvent;
import io.unifiedcrm.commerce.product.api.StockReleasedEvent;
import io.unifiedcrm.commerce.product.api.StockReservedEvent;
import io.unifiedcrm.commerce.product.api.StockRestockedEvent;
import io.unifiedcrm.commerce.projection.CommerceProcessingGroup;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Builds {@code commerce.product} and {@code commerce.inventory_level}; idempotent by the version of each row
 * (both follow the Product aggregate's sequence).
 */
@Component
@ProcessingGroup(CommerceProcessingGroup.NAME)
class ProductProjection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadModelJdbc jdbc;

    ProductProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductCreatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        INSERT INTO commerce.product (id, organization_id, sku, name, description, price_amount,
                            price_currency, status, tags, version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.productId(), event.organizationId(), event.sku(), event.name(), event.description(),
                event.price().amount(), event.price().currency(), event.status(), json(event.tags()), sequenceNumber,
                Timestamp.from(at), Timestamp.from(at));
        jdbc.update("""
                        INSERT INTO commerce.inventory_level (product_id, organization_id, on_hand, reserved, version)
                        VALUES (?, ?, 0, 0, ?) ON CONFLICT (product_id) DO NOTHING""",
                event.productId(), event.organizationId(), sequenceNumber);
    }

    @EventHandler
    void on(ProductChangedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                        UPDATE commerce.product SET name = ?, description = ?, price_amount = ?, price_currency = ?,
                            status = ?, tags = cast(? AS jsonb), version = ?, updated_at = ?
                        WHERE id = ? AND version < ?""",
                event.name(), event.description(), event.price().amount(), event.price().currency(), event.status(),
                json(event.tags()), sequenceNumber, Timestamp.from(at), event.productId(), sequenceNumber);
    }

    @EventHandler
    void on(StockRestockedEvent event, @SequenceNumber long sequenceNumber) {
        stock(event.productId(), "on_hand = ?", event.onHand(), sequenceNumber);
    }

    @EventHandler
    void on(StockAdjustedEvent event, @SequenceNumber long sequenceNumber) {
        stock(event.productId(), "on_hand = ?", event.onHand(), sequenceNumber);
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequenceNumber) {
        stock(event.productId(), "reserved = reserved + ?", event.quantity(), sequenceNumber);
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequenceNumber) {
        stock(event.productId(), "reserved = reserved - ?", event.quantity(), sequenceNumber);
    }

    @EventHandler
    void on(StockConsumedEvent event, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                        UPDATE commerce.inventory_level SET on_hand = on_hand - ?, reserved = reserved - ?, version = ?
                        WHERE product_id = ? AND version < ?""",
                event.quantity(), event.quantity(), sequenceNumber, event.productId(), sequenceNumber);
        touch(event.productId(), sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM commerce.inventory_level");
        jdbc.update("DELETE FROM commerce.product");
    }

    private void stock(UUID productId, String assignment, long value, long sequenceNumber) {
        jdbc.update("UPDATE commerce.inventory_level SET " + assignment + ", version = ? "
                + "WHERE product_id = ? AND version < ?", value, sequenceNumber, productId, sequenceNumber);
        touch(productId, sequenceNumber);
    }

    /** The product's version follows its aggregate, stock events included, so its ETag works in If-Match. */
    private void touch(UUID productId, long sequenceNumber) {
        jdbc.update("UPDATE commerce.product SET version = ? WHERE id = ? AND version < ?", sequenceNumber, productId,
                sequenceNumber);
    }

    private static String json(List<String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }
}
