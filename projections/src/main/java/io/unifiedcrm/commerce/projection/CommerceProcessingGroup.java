package io.unifiedcrm.commerce.projection;

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

    @Bean
    ConfigurerModule commerceSequencedPerOrganization() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(NAME,
                configuration -> new PerOrganizationSequencing()));
    }
}
