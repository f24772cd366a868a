package io.unifiedcrm.infrastructure.security;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API key cache ({@code unifiedcrm.credentials.api-key-cache-size} keys, default 10,000) and the check of the
 * stored keys' revision every {@code unifiedcrm.credentials.revision-check-interval} (default 0.5 s). Without a
 * successful check for four intervals the cache is bypassed: a revocation elsewhere is never ignored for longer.
 */
@Configuration(proxyBeanMethods = false)
public class ApiKeyCacheConfiguration {

    static final int INTERVALS_TRUSTED = 4;

    @Bean
    public ApiKeyCache apiKeyCache(@Value("${unifiedcrm.credentials.api-key-cache-size:10000}") long maximumSize,
                                   @Value("${unifiedcrm.credentials.revision-check-interval:PT0.5S}")
                                   Duration checkInterval) {
        return new ApiKeyCache(maximumSize, checkInterval.multipliedBy(INTERVALS_TRUSTED), System::nanoTime);
    }

    @Bean
    public ApiKeyRevisions apiKeyRevisions(JdbcTemplate jdbc, ApiKeyCache cache,
                                           @Value("${unifiedcrm.credentials.revision-check-interval:PT0.5S}")
                                           Duration checkInterval) {
        return new ApiKeyRevisions(jdbc, cache, checkInterval, System::nanoTime);
    }
}
