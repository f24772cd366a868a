package io.unifiedcrm.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * JWT bearer tokens, when configured: {@code UNIFIEDCRM_JWT_HMAC_SECRET} (HS256, 32+ bytes) or
 * {@code UNIFIEDCRM_JWT_JWK_SET_URI}; {@code UNIFIEDCRM_JWT_ISSUER} and {@code UNIFIEDCRM_JWT_AUDIENCE} are
 * validated when set. Without either key source, JWTs are refused and API keys are the only organization credential.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    @Bean
    public JwtCredentials jwtCredentials(@Value("${unifiedcrm.jwt.hmac-secret:}") String hmacSecret,
                                         @Value("${unifiedcrm.jwt.jwk-set-uri:}") String jwkSetUri,
                                         @Value("${unifiedcrm.jwt.issuer:}") String issuer,
                                         @Value("${unifiedcrm.jwt.audience:}") String audience) {
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
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(StringUtils.hasText(issuer)
                ? JwtValidators.createDefaultWithIssuer(issuer) : JwtValidators.createDefault());
        if (StringUtils.hasText(audience)) {
            validators.add(new JwtClaimValidator<List<String>>("aud",
                    audiences -> audiences != null && audiences.contains(audience)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return new JwtCredentials(decoder);
    }
}
