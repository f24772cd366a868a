package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * API keys are looked up in the database once, then answered from the cache, and a revocation still takes effect at
 * once on this instance and within about a second when another instance (or an operator in SQL) commits it.
 */
class ApiKeyCacheTest extends StandaloneTest {

    @Autowired
    private SqlStatementCounter statements;

    private TestOrganization organization;
    private UUID person;
    private String secret;
    private String keyId;

    @BeforeEach
    void anOrganizationWithAPersonAndASecondKey() {
        organization = api.createOrganization("Cached Keys Ltd");
        person = api.createPerson(organization, "ada@cached-keys.example", "Ada", "Lovelace");
        Response issued = api.post(keys(), organization.apiKey(), Map.of("access", "read_write"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        secret = issued.body().get("apiKey").asText();
        keyId = issued.body().get("id").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get(person(), secret).status() == 200);
    }

    @Test
    void aKnownKeySendsNoStatementToAuthenticate() throws Exception {
        awaitAnsweredFromTheCache(secret);
    }

    @Test
    void aRevokedKeyIsRefusedOnTheVeryNextRequest() throws Exception {
        awaitAnsweredFromTheCache(secret);
        Response revoked = api.send("DELETE", keys() + "/" + keyId, organization.apiKey(), null, null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

        Response next = api.get(person(), secret);
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.body().get("code").asText()).isEqualTo("unauthorized");
        assertThat(api.get(person(), organization.apiKey()).status()).as("the other key still works").isEqualTo(200);
    }

    /**
     * Another instance revokes the key: its registry commits {@code revoked_at} (the trigger moves the keys'
     * revision in that transaction), and this instance never sees the command. Written here in SQL, exactly so.
     */
    @Test
    void aRevocationCommittedElsewhereIsNoticedWithinMoments() throws Exception {
        awaitAnsweredFromTheCache(secret);
        long revisionBefore = revision();

        jdbc.update("UPDATE auth.api_key SET revoked_at = now() WHERE api_key_id = ?::uuid", keyId);

        assertThat(revision()).as("moved with the revocation").isGreaterThan(revisionBefore);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get(person(), secret).status() == 401);
        assertThat(api.get(person(), organization.apiKey()).status()).as("the other key still works").isEqualTo(200);
    }

    /** The cache answers once this instance has checked the keys' revision after its start: moments. */
    private void awaitAnsweredFromTheCache(String key) throws Exception {
        String jwt = CredentialManagementTest.jwt(organization.id().toString(), "crm.read", JWT_ISSUER, JWT_AUDIENCE,
                Instant.now().plusSeconds(300));
        int withJwt = statementsOfReading(jwt);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(statementsOfReading(key)).as("as many statements as with a JWT, which needs no lookup")
                        .isEqualTo(withJwt));
    }

    private int statementsOfReading(String credential) {
        statements.start();
        Response read = api.get(person(), credential);
        int sent = statements.stop();
        assertThat(read.status()).isEqualTo(200);
        return sent;
    }

    private long revision() {
        return jdbc.queryForObject("SELECT revision FROM auth.api_key_revision", Long.class);
    }

    private String person() {
        return "/api/v1/persons/" + person;
    }

    private String keys() {
        return "/api/v1/organizations/" + organization.id() + "/api-keys";
    }
}
