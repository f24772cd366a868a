package io.unifiedcrm.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * JWT bearer tokens, when configured: {@code UNIFIEDCRM_JWT_HMAC_SECRET} (HS256, 32+ bytes) or
 * {@code UNIFIEDCRM_JWT_JWK_SET_URI}, together with {@code UNIFIEDCRM_JWT_ISSUER}, {@code UNIFIEDCRM_JWT_AUDIENCE}
 * and {@code UNIFIEDCRM_JWT_ORGANIZATIONS} (the organizations this key source may speak for: ids, comma-separated, or
 * {@code *} for any), without which the application refuses to start. Every token must carry {@code exp}; {@code exp}
 * and {@code nbf} are checked with {@value #CLOCK_SKEW_SECONDS} s of clock skew. Without a key source, JWTs are
 * refused and API keys are the only organization credential.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    static final int CLOCK_SKEW_SECONDS = 30;

    @Bean
    public JwtCredentials jwtCredentials(@Value("${unifiedcrm.jwt.hmac-secret:}") String hmacSecret,
                                         @Value("${unifiedcrm.jwt.jwk-set-uri:}") String jwkSetUri,
                                         @Value("${unifiedcrm.jwt.issuer:}") String issuer,
                                         @Value("${unifiedcrm.jwt.audience:}") String audience,
                                         @Value("${unifiedcrm.jwt.organizations:}") String organizations) {
        NimbusJwtDecoder decoder;
        if (StringUtils.hasText(hmacSecret)) {
            byte[] secret = hmacSecret.getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) {
                throw new IllegalStateException("UNIFIEDCRM_JWT_HMAC_SECRET must be at least 32 bytes for HS256.");
            }
            decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        } else if (StringUtils.hasText(jwkSetUri)) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else {
            return null;
        }
        if (!StringUtils.hasText(issuer) || !StringUtils.hasText(audience) || !StringUtils.hasText(organizations)) {
            throw new IllegalStateException("JWTs need UNIFIEDCRM_JWT_ISSUER, UNIFIEDCRM_JWT_AUDIENCE and "
                    + "UNIFIEDCRM_JWT_ORGANIZATIONS (the organization ids the key source may speak for, or *).");
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(
                new JwtTimestampValidator(Duration.ofSeconds(CLOCK_SKEW_SECONDS)),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience))));
        return new JwtCredentials(decoder, allowed(organizations));
    }

    /** The organizations of the setting; empty for {@code *} (any). */
    static Set<UUID> allowed(String organizations) {
        if (organizations.strip().equals("*")) {
            return Set.of();
        }
        try {
            return Arrays.stream(organizations.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                    .map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException notAnId) {
            throw new IllegalStateException("UNIFIEDCRM_JWT_ORGANIZATIONS is * or organization ids, comma-separated.",
                    notAnId);
        }
    }
}
