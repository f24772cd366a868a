package io.unifiedcrm.infrastructure.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code unifiedcrm-defaults.properties} as the lowest-precedence property source of every application, so
 * the three runnable applications share one set of defaults and any of them can still be overridden as usual.
 */
public class UnifiedCrmDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "unifiedcrm-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource("unifiedCrmDefaults", new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
