package io.unifiedcrm.infrastructure.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code unifiedcrm-defaults.properties} — and {@code unifiedcrm-defaults-<profile>.properties} for each
 * active profile that has one — as the lowest-precedence property sources of every application. The three runnable
 * applications share one set of defaults, and application.yml, environment variables and arguments still override
 * them as usual.
 */
public class UnifiedCrmDefaults implements EnvironmentPostProcessor, Ordered {

    static final String BASE = "unifiedcrm-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        sources.addLast(load(BASE + ".properties"));
        for (String profile : environment.getActiveProfiles()) {
            ClassPathResource profileDefaults = new ClassPathResource(BASE + "-" + profile + ".properties");
            if (profileDefaults.exists()) {
                sources.addBefore(BASE + ".properties", load(profileDefaults.getPath()));
            }
        }
    }

    private static ResourcePropertySource load(String resource) {
        try {
            return new ResourcePropertySource(resource, new ClassPathResource(resource));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
