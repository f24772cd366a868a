package io.unifiedcrm.infrastructure.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts written log events ({@link LogEventMetrics}) in place of Spring Boot's {@code LogbackMetricsAutoConfiguration},
 * which {@code unifiedcrm-defaults.properties} excludes for its turbo filter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(LoggerContext.class)
public class LogEventMetricsConfiguration {

    @Bean
    public LogEventMetrics logEventMetrics() {
        return new LogEventMetrics((LoggerContext) LoggerFactory.getILoggerFactory());
    }
}
