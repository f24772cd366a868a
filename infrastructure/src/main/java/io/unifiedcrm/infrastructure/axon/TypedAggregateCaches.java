package io.unifiedcrm.infrastructure.axon;

import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Gives every aggregate that names a cache ({@code @Aggregate(cache = "orderCache")}) its own part of the shared
 * {@code aggregateCache} ({@link TypedAggregateCache}), registered under that name: no aggregate class lists its cache
 * anywhere else.
 */
public class TypedAggregateCaches implements BeanDefinitionRegistryPostProcessor {

    static final String SHARED = "aggregateCache";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (Class<?> type : AggregateClasses.all()) {
            String cache = type.getAnnotation(Aggregate.class).cache();
            if (!cache.isEmpty() && !cache.equals(SHARED) && !registry.containsBeanDefinition(cache)) {
                AbstractBeanDefinition part = BeanDefinitionBuilder.genericBeanDefinition(TypedAggregateCache.class)
                        .addConstructorArgValue(new RuntimeBeanReference(SHARED))
                        .addConstructorArgValue(type.getSimpleName())
                        .getBeanDefinition();
                part.setAutowireCandidate(false); // found by name only; a Cache injected by type is the shared one
                registry.registerBeanDefinition(cache, part);
            }
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // nothing beyond the definitions
    }

}
