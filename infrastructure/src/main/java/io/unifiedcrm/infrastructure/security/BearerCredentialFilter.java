package io.unifiedcrm.infrastructure.security;

import io.unifiedcrm.infrastructure.web.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <key>}: the platform admin key or an organization API key.
 * A request without the header continues anonymously (and is refused where a credential is required);
 * a request with an unknown key is refused at once.
 */
public class BearerCredentialFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final PlatformAdminKey adminKey;
    private final ApiKeyCredentials apiKeys;
    private final ProblemResponseWriter problems;

    public BearerCredentialFilter(PlatformAdminKey adminKey, ApiKeyCredentials apiKeys,
                                  ProblemResponseWriter problems) {
        this.adminKey = adminKey;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? authenticate(header.substring(PREFIX.length()).strip())
                : Optional.empty();
        if (caller.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.unauthorized().commence(request, response, new ProblemResponseWriter.InvalidCredentialException());
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<Caller> authenticate(String secret) {
        if (secret.isEmpty() || secret.length() > 512) {
            return Optional.empty();
        }
        if (adminKey.matches(secret)) {
            return Optional.of(new PlatformAdmin());
        }
        return apiKeys.find(secret).map(Caller.class::cast);
    }
}
