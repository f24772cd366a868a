package io.unifiedcrm.infrastructure.axon;

import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Gives every aggregate that names a cache ({@code @Aggregate(cache = "orderCache")}) its own part of the shared
 * {@code aggregateCache} ({@link TypedAggregateCache}), registered under that name: no aggregate class lists its cache
 * anywhere else.
 */
public class TypedAggregateCaches implements BeanDefinitionRegistryPostProcessor {

    static final String SHARED = "aggregateCache";
    private static final String BASE_PACKAGE = "io.unifiedcrm";

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Aggregate.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = load(candidate.getBeanClassName());
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

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, TypedAggregateCaches.class.getClassLoader());
        } catch (ClassNotFoundException unexpected) {
            throw new IllegalStateException("An aggregate class that cannot be loaded: " + className, unexpected);
        }
    }
}
