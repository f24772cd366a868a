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
 * Authenticates {@code Authorization: Bearer <credential>}: the platform admin key, an organization API key, or a
 * JWT naming the organization (when JWTs are configured).
 * A request without the header continues anonymously (and is refused where a credential is required);
 * a request with an unknown key is refused at once.
 */
public class BearerCredentialFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final PlatformAdminKey adminKey;
    private final ApiKeyCredentials apiKeys;
    private final JwtCredentials jwts;
    private final ProblemResponseWriter problems;

    /** @param jwts {@code null} when no JWT key source is configured */
    public BearerCredentialFilter(PlatformAdminKey adminKey, ApiKeyCredentials apiKeys, JwtCredentials jwts,
                                  ProblemResponseWriter problems) {
        this.adminKey = adminKey;
        this.apiKeys = apiKeys;
        this.jwts = jwts;
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
        if (secret.isEmpty() || secret.length() > 8192) {
            return Optional.empty();
        }
        if (adminKey.matches(secret)) {
            return Optional.of(new PlatformAdmin());
        }
        if (JwtCredentials.looksLikeJwt(secret)) {
            return jwts == null ? Optional.empty() : jwts.find(secret).map(Caller.class::cast);
        }
        return apiKeys.find(secret).map(Caller.class::cast);
    }
}
