package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API keys (issue, list without secrets, revoke; read-only vs read-write) and JWT bearer tokens. */
class CredentialManagementTest extends StandaloneTest {

    private TestOrganization organization;
    private UUID person;

    @BeforeEach
    void anOrganizationWithAPerson() {
        organization = api.createOrganization("Keys Ltd");
        person = api.createPerson(organization, "ada@keys.example", "Ada", "Lovelace");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/persons/" + person, organization.apiKey()).status() == 200);
    }

    @Test
    void aReadOnlyKeyReadsButCannotWrite() {
        Response issued = api.post(keys(), organization.apiKey(), Map.of("access", "read_only"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.body().get("access").asText()).isEqualTo("read_only");
        String readOnly = issued.body().get("apiKey").asText();

        assertThat(api.get("/api/v1/persons/" + person, readOnly).status()).isEqualTo(200);
        Response write = api.patch("/api/v1/persons/" + person, readOnly, Map.of("firstName", "Eve"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.body().get("code").asText()).isEqualTo("forbidden");
        assertThat(api.post(keys(), readOnly, Map.of("access", "read_write")).status()).isEqualTo(403);
    }

    /** Issue 17, finding 10: an integration's read-write key cannot mint or revoke keys; an admin key can. */
    @Test
    void onlyAnAdminKeyManagesKeysAndTheOrganizationsFirstKeyIsOne() {
        String readWrite = api.post(keys(), organization.apiKey(), Map.of("access", "read_write")).body()
                .get("apiKey").asText();
        assertThat(api.patch("/api/v1/persons/" + person, readWrite, Map.of("firstName", "Eve")).status())
                .isEqualTo(200);
        for (String access : List.of("read_only", "read_write", "admin")) {
            Response minted = api.post(keys(), readWrite, Map.of("access", access));
            assertThat(minted.status()).as(access + ": " + minted).isEqualTo(403);
        }
        assertThat(api.get(keys(), readWrite).status()).isEqualTo(403);
        String firstKeyId = api.get(keys(), organization.apiKey()).body().get("items").get(0).get("id").asText();
        assertThat(api.send("DELETE", keys() + "/" + firstKeyId, readWrite, null, null).status()).isEqualTo(403);

        assertThat(api.get(keys(), organization.apiKey()).body().get("items").get(0).get("access").asText())
                .isEqualTo("admin");
        Response admin = api.post(keys(), organization.apiKey(), Map.of("access", "admin"));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(201);
        Response byTheNewAdmin = api.post(keys(), admin.body().get("apiKey").asText(), Map.of("access", "read_only"));
        assertThat(byTheNewAdmin.status()).as(byTheNewAdmin.toString()).isEqualTo(201);
    }

    @Test
    void theMigrationMakesTheKeyIssuedWithAnOrganizationBeforeTheChangeAnAdminKey() throws Exception {
        String later = api.post(keys(), organization.apiKey(), Map.of("access", "read_write")).body().get("id")
                .asText();
        // as the organization's keys were stored before: both read-write
        jdbc.update("UPDATE auth.api_key SET access = 'READ_WRITE' WHERE organization_id = ?", organization.id());

        try (var migration = getClass().getResourceAsStream(
                "/db/migration/command-side/V2_9__first_api_key_is_admin.sql")) {
            jdbc.execute(new String(migration.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(jdbc.queryForList("SELECT api_key_id || ':' || access FROM auth.api_key WHERE organization_id = ? "
                + "ORDER BY issued_at", String.class, organization.id())).endsWith(later + ":READ_WRITE")
                .first().asString().endsWith(":ADMIN");
    }

    @Test
    void keysAreListedWithoutSecretsAndARevokedKeyStopsWorkingAtOnce() {
        Response issued = api.post(keys(), organization.apiKey(), Map.of("access", "read_write"));
        String secret = issued.body().get("apiKey").asText();
        String keyId = issued.body().get("id").asText();
        assertThat(api.get("/api/v1/persons/" + person, secret).status()).isEqualTo(200);

        Response list = api.get(keys(), organization.apiKey());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items")).hasSize(2);
        assertThat(list.raw().body()).doesNotContain(secret).doesNotContain("hash").doesNotContain("ucrm_");

        Response revoked = api.send("DELETE", keys() + "/" + keyId, organization.apiKey(), null, null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/persons/" + person, secret).status()).isEqualTo(401);
        JsonNode revokedKey = api.get(keys(), organization.apiKey()).body().get("items").get(1);
        assertThat(revokedKey.get("id").asText()).isEqualTo(keyId);
        assertThat(revokedKey.get("revokedAt").isNull()).isFalse();
    }

    @Test
    void anotherOrganizationCanNeitherListNorIssueNorRevokeKeys() {
        TestOrganization other = api.createOrganization("Other Keys Ltd");
        String keyId = api.get(keys(), organization.apiKey()).body().get("items").get(0).get("id").asText();
        assertThat(api.get(keys(), other.apiKey()).status()).isEqualTo(404);
        assertThat(api.post(keys(), other.apiKey(), Map.of("access", "read_write")).status()).isEqualTo(404);
        assertThat(api.send("DELETE", keys() + "/" + keyId, other.apiKey(), null, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/persons/" + person, organization.apiKey()).status()).isEqualTo(200);
        assertThat(api.get(keys(), api.adminKey()).status()).as("the platform admin may").isEqualTo(200);
    }

    @Test
    void anUnknownAccessIsA422() {
        Response response = api.post(keys(), organization.apiKey(), Map.of("access", "everything"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("code").asText()).isEqualTo("invalid_access");
    }

    @Test
    void aJwtWithTheOrganizationAndScopesIsACredential() throws Exception {
        String readWrite = jwt(organization.id().toString(), "crm.read crm.write", JWT_ISSUER, JWT_AUDIENCE,
                Instant.now().plusSeconds(300));
        assertThat(api.get("/api/v1/persons/" + person, readWrite).status()).isEqualTo(200);
        Response patched = api.patch("/api/v1/persons/" + person, readWrite, Map.of("firstName", "Augusta"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("""
                        SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' FROM axon.domain_event_entry
                        WHERE aggregate_identifier = ? AND sequence_number = 1""", String.class, person.toString()))
                .isEqualTo("jwt:integration-test");

        String readOnly = jwt(organization.id().toString(), "crm.read", JWT_ISSUER, JWT_AUDIENCE,
                Instant.now().plusSeconds(300));
        assertThat(api.get("/api/v1/persons/" + person, readOnly).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/persons/" + person, readOnly, Map.of("firstName", "Eve")).status())
                .isEqualTo(403);
    }

    @Test
    void anInvalidJwtIsA401() throws Exception {
        String org = organization.id().toString();
        Instant later = Instant.now().plusSeconds(300);
        for (String invalid : new String[] {
                jwt(org, "crm.read", JWT_ISSUER, JWT_AUDIENCE, Instant.now().minusSeconds(600)),
                jwt(org, "crm.read", "https://evil.example", JWT_AUDIENCE, later),
                jwt(org, "crm.read", JWT_ISSUER, "another-api", later),
                jwt(null, "crm.read", JWT_ISSUER, JWT_AUDIENCE, later),
                jwt(org, "profile email", JWT_ISSUER, JWT_AUDIENCE, later),
                signedWith("another-secret-that-is-at-least-32-bytes", org, later),
                // issue 17, finding 7: a token without exp, and one not valid before a minute from now
                sign(JWT_SECRET, org, "crm.read", JWT_ISSUER, JWT_AUDIENCE, null, null),
                sign(JWT_SECRET, org, "crm.read", JWT_ISSUER, JWT_AUDIENCE, later, Instant.now().plusSeconds(60)),
                "eyJhbGciOiJub25lIn0.eyJvcmdfaWQiOiJ4In0."}) {
            Response response = api.get("/api/v1/persons/" + person, invalid);
            assertThat(response.status()).as(invalid).isEqualTo(401);
            assertThat(response.body().get("code").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void aJwtForAnotherOrganizationSeesNothingOfThisOne() throws Exception {
        String foreign = jwt(UUID.randomUUID().toString(), "crm.read crm.write", JWT_ISSUER, JWT_AUDIENCE,
                Instant.now().plusSeconds(300));
        assertThat(api.get("/api/v1/persons/" + person, foreign).status()).isEqualTo(404);
    }

    private String keys() {
        return "/api/v1/organizations/" + organization.id() + "/api-keys";
    }

    static String jwt(String organizationId, String scope, String issuer, String audience, Instant expiry)
            throws JOSEException {
        return sign(JWT_SECRET, organizationId, scope, issuer, audience, expiry, null);
    }

    private static String signedWith(String secret, String organizationId, Instant expiry) throws JOSEException {
        return sign(secret, organizationId, "crm.read", JWT_ISSUER, JWT_AUDIENCE, expiry, null);
    }

    /** @param expiry {@code exp}, or null for none; @param notBefore {@code nbf}, or null for none */
    private static String sign(String secret, String organizationId, String scope, String issuer, String audience,
                               Instant expiry, Instant notBefore) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("integration-test").issuer(issuer).audience(audience).claim("scope", scope)
                .issueTime(new Date()).expirationTime(expiry == null ? null : Date.from(expiry))
                .notBeforeTime(notBefore == null ? null : Date.from(notBefore));
        if (organizationId != null) {
            claims.claim("org_id", organizationId);
        }
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        token.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return token.serialize();
    }
}
