package io.unifiedcrm.infrastructure.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the client's {@code X-Correlation-Id} (or makes one), echoes it, and keeps it in the logging context so
 * logs, problem bodies and message metadata of one request share it. Runs before security, so a 401 has one too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String alreadyAssigned = response.getHeader(HEADER); // an error dispatch of the same request
        String presented = request.getHeader(HEADER);
        String correlationId = alreadyAssigned != null ? alreadyAssigned
                : presented != null && ACCEPTABLE.matcher(presented).matches() ? presented
                : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, correlationId);
        response.setHeader(HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** Errors forwarded to /error keep the request's correlation id. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
