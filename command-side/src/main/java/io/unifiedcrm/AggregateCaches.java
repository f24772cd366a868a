package io.unifiedcrm;

import io.unifiedcrm.infrastructure.axon.TypedAggregateCache;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each aggregate type's part of the shared, bounded aggregate cache ({@code @Aggregate(cache = "<type>Cache")}), so
 * that an id of one type's aggregate is never found as another type's.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCaches {

    private final Cache shared;

    AggregateCaches(@Qualifier("aggregateCache") Cache shared) {
        this.shared = shared;
    }

    @Bean
    Cache organizationCache() {
        return new TypedAggregateCache(shared, "Organization");
    }

    @Bean
    Cache personCache() {
        return new TypedAggregateCache(shared, "Person");
    }

    @Bean
    Cache teamCache() {
        return new TypedAggregateCache(shared, "Team");
    }

    @Bean
    Cache addressCache() {
        return new TypedAggregateCache(shared, "Address");
    }

    @Bean
    Cache objectDefinitionCache() {
        return new TypedAggregateCache(shared, "ObjectDefinition");
    }

    @Bean
    Cache platformRecordCache() {
        return new TypedAggregateCache(shared, "PlatformRecord");
    }

    @Bean
    Cache productCache() {
        return new TypedAggregateCache(shared, "Product");
    }

    @Bean
    Cache orderCache() {
        return new TypedAggregateCache(shared, "Order");
    }

    @Bean
    Cache pipelineCache() {
        return new TypedAggregateCache(shared, "Pipeline");
    }

    @Bean
    Cache dealCache() {
        return new TypedAggregateCache(shared, "Deal");
    }
}
