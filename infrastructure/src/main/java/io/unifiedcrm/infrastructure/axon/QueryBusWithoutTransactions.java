package io.unifiedcrm.infrastructure.axon;

import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's auto-configured query bus runs every query handler in a database transaction (read committed, read-write).
 * A read of several statements that must see one snapshot ({@code ReadSnapshot}: repeatable read, read-only) would
 * join that transaction, and its isolation level would be silently ignored: an order was read with its new status
 * but without its lines, committed between the two statements. Query handlers therefore run without a transaction
 * of the bus: single statements run on their own, several statements open the transaction they need. Topologies
 * with Axon Server build their own bus (see README).
 */
@Configuration(proxyBeanMethods = false)
public class QueryBusWithoutTransactions {

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
