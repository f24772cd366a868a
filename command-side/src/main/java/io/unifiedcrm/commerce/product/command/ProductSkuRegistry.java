package io.unifiedcrm.commerce.product.command;

import io.unifiedcrm.commerce.product.api.ProductCreatedEvent;
import io.unifiedcrm.commerce.product.api.Sku;
import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One product per SKU (any case) per organization: the SKU is claimed in {@code commerce.product_sku_lookup} in
 * the transaction of the event that creates the product (a subscribing processor); the primary key decides races.
 */
@Component
@ProcessingGroup(ProductSkuRegistry.PROCESSING_GROUP)
class ProductSkuRegistry {

    static final String PROCESSING_GROUP = "product-sku-lookup";

    private final JdbcTemplate jdbc;

    ProductSkuRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProductCreatedEvent event) {
        String sku = Sku.of(event.sku()).canonical();
        int claimed = jdbc.update("""
                        INSERT INTO commerce.product_sku_lookup (organization_id, sku, product_id) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""", event.organizationId(), sku, event.productId());
        if (claimed == 0) {
            List<UUID> holder = jdbc.queryForList("SELECT product_id FROM commerce.product_sku_lookup "
                    + "WHERE organization_id = ? AND sku = ?", UUID.class, event.organizationId(), sku);
            if (!holder.isEmpty() && !holder.get(0).equals(event.productId())) {
                throw new DomainRuleViolation(ErrorCode.SKU_TAKEN, "sku",
                        "Another product of this organization has this SKU.", holder.get(0).toString());
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ProductSkuConfiguration {

        @Bean
        ConfigurerModule skuClaimedWithTheProduct() {
            return WrittenWithTheEvent.processingGroup(PROCESSING_GROUP);
        }
    }
}
