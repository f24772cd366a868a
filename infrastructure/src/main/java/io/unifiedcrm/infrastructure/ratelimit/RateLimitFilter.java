package io.unifiedcrm.infrastructure.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.unifiedcrm.infrastructure.security.CallerAuthentication;
import io.unifiedcrm.infrastructure.security.OrganizationCaller;
import io.unifiedcrm.infrastructure.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per organization are limited by a token bucket (bucket4j): {@code unifiedcrm.rate-limit.capacity}
 * requests at once (default 200), refilled at {@code refill-per-second} (default 100). Each organization has its
 * own bucket, so one organization's flood never uses up another's. Every answer carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}; a request over the limit gets 429 with
 * {@code Retry-After}. The platform admin is not limited. Per instance: several instances each allow this rate.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 200)
public class RateLimitFilter extends OncePerRequestFilter {

    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final long capacity;
    private final long refillPerSecond;
    private final ProblemResponseWriter problems;

    public RateLimitFilter(@Value("${unifiedcrm.rate-limit.enabled:true}") boolean enabled,
                           @Value("${unifiedcrm.rate-limit.capacity:200}") long capacity,
                           @Value("${unifiedcrm.rate-limit.refill-per-second:100}") long refillPerSecond,
                           ProblemResponseWriter problems) {
        this.enabled = enabled;
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID organizationId = organizationOf(SecurityContextHolder.getContext().getAuthentication());
        if (organizationId == null) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = buckets
                .computeIfAbsent(organizationId, id -> TokenBuckets.of(capacity, refillPerSecond))
                .tryConsumeAndReturnRemaining(1);
        response.setHeader("RateLimit-Limit", String.valueOf(capacity));
        response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        long secondsUntilFull = (long) Math.ceil((capacity - probe.getRemainingTokens()) / (double) refillPerSecond);
        response.setHeader("RateLimit-Reset", String.valueOf(secondsUntilFull));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = TokenBuckets.retryAfterSeconds(probe.getNanosToWaitForRefill());
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests for this organization; retry after " + retryAfter + " s.");
    }


    private static UUID organizationOf(Authentication authentication) {
        return authentication instanceof CallerAuthentication caller
                && caller.caller() instanceof OrganizationCaller organization
                ? organization.organizationId() : null;
    }
}
