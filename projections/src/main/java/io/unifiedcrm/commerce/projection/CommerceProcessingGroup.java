package io.unifiedcrm.commerce.projection;

import io.unifiedcrm.projection.runtime.ReadModel;
import java.util.List;
import io.unifiedcrm.infrastructure.axon.PerOrganizationSequencing;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group of the {@code commerce} read models (products, orders, payments, customers). Its events are
 * sequenced per organization, not per aggregate: a customer's statistics are computed from the rows that other
 * aggregates' events wrote (the orders of the person and their payments, written by Order events, land on the
 * customer row that a Person event created). Sequenced per aggregate, two segments could each write in a transaction
 * that does not see the other's uncommitted rows, and the statistics stored last would miss an order or a payment
 * (write skew); one organization at a time, every handler sees every earlier event's rows.
 */
@Configuration(proxyBeanMethods = false)
public class CommerceProcessingGroup {

    public static final String NAME = "commerce";

    /** The projection and the tables it owns. */
    @Bean
    ReadModel commerceReadModel() {
        return new ReadModel(NAME, List.of("commerce.customer", "commerce.product", "commerce.inventory_level", "commerce.orders",
                "commerce.order_line", "commerce.payment"));
    }

    @Bean
    ConfigurerModule commerceSequencedPerOrganization() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(NAME,
                configuration -> new PerOrganizationSequencing()));
    }
}
