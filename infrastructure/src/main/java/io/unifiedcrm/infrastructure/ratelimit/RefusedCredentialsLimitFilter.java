package io.unifiedcrm.infrastructure.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.unifiedcrm.infrastructure.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests without a valid credential are limited per client address, before authentication spends anything on
 * them: every 401 takes a token from the address's bucket ({@code unifiedcrm.rate-limit.refused-credentials.capacity},
 * default 30, refilled at {@code refill-per-second}, default 1), and while the bucket is empty every request from the
 * address is a 429 with {@code Retry-After}. A client with a valid credential never takes from it. The organization
 * limits ({@link RateLimitFilter}) apply once a request is authenticated. At most 100,000 addresses are remembered,
 * each for 10 minutes after its last refusal. Per instance.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class RefusedCredentialsLimitFilter extends OncePerRequestFilter {

    private final boolean enabled;
    private final long capacity;
    private final long refillPerSecond;
    private final ProblemResponseWriter problems;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public RefusedCredentialsLimitFilter(
            @Value("${unifiedcrm.rate-limit.enabled:true}") boolean enabled,
            @Value("${unifiedcrm.rate-limit.refused-credentials.capacity:30}") long capacity,
            @Value("${unifiedcrm.rate-limit.refused-credentials.refill-per-second:1}") long refillPerSecond,
            ProblemResponseWriter problems) {
        this.enabled = enabled;
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Bucket bucket = buckets.getIfPresent(address);
        if (bucket != null && bucket.getAvailableTokens() < 1) {
            long retryAfter = TokenBuckets.retryAfterSeconds(
                    bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "too_many_refused_credentials",
                    "Too many requests without a valid credential from this address; retry after " + retryAfter
                            + " s.");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            buckets.get(address, ignored -> TokenBuckets.of(capacity, refillPerSecond)).tryConsume(1);
        }
    }

}
