package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tenant comes only from the credential; another organization's data looks exactly like missing data. */
class CredentialsAndTenancyTest extends StandaloneTest {

    private TestOrganization alpha;
    private TestOrganization beta;
    private UUID alphasPerson;

    @BeforeEach
    void twoOrganizations() {
        alpha = api.createOrganization("Alpha");
        beta = api.createOrganization("Beta");
        alphasPerson = api.createPerson(alpha, "ada@alpha.example", "Ada", "Lovelace");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/persons/" + alphasPerson, alpha.apiKey()).status() == 200);
    }

    @Test
    void aRequestWithoutCredentialIsA401Problem() {
        Response response = api.get("/api/v1/persons/" + alphasPerson, null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.body().get("code").asText()).isEqualTo("unauthorized");
        assertThat(response.body().get("correlationId").asText()).isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void aWrongApiKeyIsA401Problem() {
        for (String wrong : new String[] {"ucrm_not-a-key", alpha.apiKey() + "x", ""}) {
            Response response = api.get("/api/v1/persons/" + alphasPerson, wrong);
            assertThat(response.status()).as(wrong).isEqualTo(401);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.body().get("code").asText()).isEqualTo("unauthorized");
        }
        Response mutation = api.post("/api/v1/persons", "ucrm_not-a-key",
                Map.of("email", "x@example.com", "firstName", "X", "lastName", "Y"));
        assertThat(mutation.status()).isEqualTo(401);
    }

    @Test
    void anotherOrganizationsPersonIsNotFoundWithTheSameBodyAsAMissingOne() {
        Response foreign = api.get("/api/v1/persons/" + alphasPerson, beta.apiKey());
        Response missing = api.get("/api/v1/persons/" + UUID.randomUUID(), beta.apiKey());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(withoutRequestSpecifics(foreign.body())).isEqualTo(withoutRequestSpecifics(missing.body()));
    }

    @Test
    void anotherOrganizationCannotChangeAPersonAndNothingChanges() {
        long eventsBefore = eventCountOf(alphasPerson);
        Response foreign = api.patch("/api/v1/persons/" + alphasPerson, beta.apiKey(), Map.of("firstName", "Eve"));
        Response missing = api.patch("/api/v1/persons/" + UUID.randomUUID(), beta.apiKey(),
                Map.of("firstName", "Eve"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(withoutRequestSpecifics(foreign.body())).isEqualTo(withoutRequestSpecifics(missing.body()));
        assertThat(eventCountOf(alphasPerson)).isEqualTo(eventsBefore);
        assertThat(api.get("/api/v1/persons/" + alphasPerson, alpha.apiKey()).body().get("firstName").asText())
                .isEqualTo("Ada");
    }

    @Test
    void anOrganizationSeesItselfButNotAnother() {
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/organizations/" + alpha.id(), alpha.apiKey()).status() == 200);
        assertThat(api.get("/api/v1/organizations/" + alpha.id(), alpha.apiKey()).body().get("name").asText())
                .isEqualTo("Alpha");
        Response foreign = api.get("/api/v1/organizations/" + alpha.id(), beta.apiKey());
        Response missing = api.get("/api/v1/organizations/" + UUID.randomUUID(), beta.apiKey());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(withoutRequestSpecifics(foreign.body())).isEqualTo(withoutRequestSpecifics(missing.body()));
        assertThat(api.get("/api/v1/organizations/" + alpha.id(), api.adminKey()).status()).isEqualTo(200);
    }

    @Test
    void aBodyCannotNameTheOrganization() {
        long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
        Response created = api.post("/api/v1/persons", beta.apiKey(), Map.of("email", "mallory@beta.example",
                "firstName", "Mallory", "lastName", "M", "organizationId", alpha.id().toString()));
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.body().get("code").asText()).isEqualTo("unknown_property");
        assertThat(created.body().get("errors").get(0).get("field").asText()).isEqualTo("organizationId");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);
    }

    @Test
    void onlyThePlatformAdminManagesOrganizationsAndProjections() {
        Response createWithOrganizationKey = api.post("/api/v1/organizations", alpha.apiKey(),
                Map.of("name", "Sneaky", "baseCurrency", "EUR"));
        assertThat(createWithOrganizationKey.status()).isEqualTo(403);
        assertThat(createWithOrganizationKey.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(createWithOrganizationKey.body().get("code").asText()).isEqualTo("forbidden");
        assertThat(api.get("/api/v1/admin/projections", alpha.apiKey()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/projections/identity/replay", alpha.apiKey(), null).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/projections", null).status()).isEqualTo(401);
    }

    @Test
    void theAdminKeyIsNoOrganizationCredential() {
        Response response = api.post("/api/v1/persons", api.adminKey(),
                Map.of("email", "root@example.com", "firstName", "Root", "lastName", "Admin"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().get("code").asText()).isEqualTo("forbidden");
    }

    private long eventCountOf(UUID aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId.toString());
    }

    /** The parts of a problem that legitimately differ per request: its correlation id and the request path. */
    private static JsonNode withoutRequestSpecifics(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("correlationId");
        copy.remove("instance");
        return copy;
    }
}
