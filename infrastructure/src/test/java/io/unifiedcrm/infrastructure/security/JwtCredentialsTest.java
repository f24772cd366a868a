package io.unifiedcrm.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 17, finding 7: issuer, audience and the organizations a key source may speak for are required. */
class JwtCredentialsTest {

    private static final String SECRET = "a-jwt-secret-of-at-least-thirty-two-bytes";
    private static final String ISSUER = "https://idp.example";
    private static final String AUDIENCE = "unified-crm";
    private static final UUID ACME = UUID.randomUUID();

    @Test
    void aKeySourceSpeaksOnlyForTheOrganizationsItIsConfiguredFor() throws Exception {
        JwtCredentials credentials = new JwtConfiguration().jwtCredentials(SECRET, "", ISSUER, AUDIENCE,
                ACME + ", " + UUID.randomUUID());

        assertThat(credentials.find(token(ACME))).isPresent();
        assertThat(credentials.find(token(UUID.randomUUID()))).as("an organization not listed").isEmpty();
        assertThat(new JwtConfiguration().jwtCredentials(SECRET, "", ISSUER, AUDIENCE, "*")
                .find(token(UUID.randomUUID()))).as("any, when configured so").isPresent();
    }

    @Test
    void withoutIssuerAudienceOrOrganizationsTheApplicationRefusesToStart() {
        assertThatThrownBy(() -> new JwtConfiguration().jwtCredentials(SECRET, "", "", AUDIENCE, "*"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("UNIFIEDCRM_JWT_ISSUER");
        assertThatThrownBy(() -> new JwtConfiguration().jwtCredentials(SECRET, "", ISSUER, "", "*"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JwtConfiguration().jwtCredentials(SECRET, "", ISSUER, AUDIENCE, ""))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JwtConfiguration().jwtCredentials(SECRET, "", ISSUER, AUDIENCE, "acme"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("UNIFIEDCRM_JWT_ORGANIZATIONS");
        assertThat(new JwtConfiguration().jwtCredentials("", "", "", "", "")).as("no JWTs at all").isNull();
    }

    private static String token(UUID organization) throws Exception {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("integration").issuer(ISSUER).audience(AUDIENCE).claim("scope", "crm.read")
                .claim("org_id", organization.toString()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
        token.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return token.serialize();
    }
}
