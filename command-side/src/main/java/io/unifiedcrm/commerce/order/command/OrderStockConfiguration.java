package io.unifiedcrm.commerce.order.command;

import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order stock saga runs in the transaction of the command whose events it handles. */
@Configuration(proxyBeanMethods = false)
class OrderStockConfiguration {

    @Bean
    ConfigurerModule orderStockProcessing() {
        return WrittenWithTheEvent.processingGroup(OrderStockSaga.PROCESSING_GROUP);
    }
}
