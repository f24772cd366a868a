package io.unifiedcrm.infrastructure.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Organization callers from JWT bearer tokens (issued by the business's identity provider): the signature, expiry,
 * not-before, issuer and audience are checked by Spring Security's {@link JwtDecoder} ({@link JwtConfiguration});
 * the organization is the {@code org_id} claim, which must be one the key source may speak for, and the rights are
 * the {@code crm.*} scopes.
 */
public class JwtCredentials {

    static final String ORGANIZATION_CLAIM = "org_id";
    private static final Set<String> KNOWN_SCOPES =
            Set.of(OrganizationCaller.READ, OrganizationCaller.WRITE, OrganizationCaller.ADMIN);

    private final JwtDecoder decoder;
    /** The organizations tokens may name; empty for any. */
    private final Set<UUID> organizations;

    public JwtCredentials(JwtDecoder decoder, Set<UUID> organizations) {
        this.decoder = decoder;
        this.organizations = Set.copyOf(organizations);
    }

    /** Whether the bearer token has the shape of a JWT (three dot-separated parts). */
    static boolean looksLikeJwt(String token) {
        int dots = 0;
        for (int i = 0; i < token.length() && dots <= 2; i++) {
            if (token.charAt(i) == '.') {
                dots++;
            }
        }
        return dots == 2;
    }

    Optional<OrganizationCaller> find(String token) {
        try {
            Jwt jwt = decoder.decode(token);
            UUID organizationId = UUID.fromString(jwt.getClaimAsString(ORGANIZATION_CLAIM));
            Set<String> scopes = scopesOf(jwt);
            if (scopes.isEmpty() || !organizations.isEmpty() && !organizations.contains(organizationId)) {
                return Optional.empty();
            }
            String subject = jwt.getSubject() == null ? "unknown" : jwt.getSubject();
            return Optional.of(new OrganizationCaller(organizationId, "jwt:" + subject, scopes));
        } catch (JwtException | IllegalArgumentException | NullPointerException invalid) {
            return Optional.empty();
        }
    }

    /** {@code scope} (space-separated) or {@code scp} (list); writing or administering implies reading. */
    private static Set<String> scopesOf(Jwt jwt) {
        Set<String> granted = new HashSet<>();
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String text) {
            granted.addAll(Arrays.asList(text.split(" ")));
        }
        Object scp = jwt.getClaims().get("scp");
        if (scp instanceof Collection<?> list) {
            list.forEach(item -> granted.add(String.valueOf(item)));
        } else if (scp instanceof String text) {
            granted.addAll(Arrays.asList(text.split(" ")));
        }
        granted.retainAll(KNOWN_SCOPES);
        if (!granted.isEmpty()) {
            granted.add(OrganizationCaller.READ);
        }
        return granted;
    }
}
