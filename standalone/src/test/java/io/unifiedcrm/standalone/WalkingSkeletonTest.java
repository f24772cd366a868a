package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The first slice end to end: organization → person → read → replay, over HTTP on real PostgreSQL. */
class WalkingSkeletonTest extends StandaloneTest {

    @Test
    void createOrganizationThenPersonThenReadThePersonThenReplayIdentity() {
        Response organization = api.post("/api/v1/organizations", api.adminKey(),
                Map.of("name", "Acme GmbH", "baseCurrency", "EUR"));
        assertThat(organization.status()).isEqualTo(201);
        UUID organizationId = UUID.fromString(organization.body().get("id").asText());
        assertThat(organization.header("Location")).isEqualTo("/api/v1/organizations/" + organizationId);
        assertThat(organization.header("ETag")).isEqualTo("\"1\"");
        assertThat(organization.body().get("name").asText()).isEqualTo("Acme GmbH");
        String apiKey = organization.body().get("apiKey").asText();
        assertThat(apiKey).startsWith("ucrm_").hasSizeGreaterThan(40);

        Response person = api.post("/api/v1/persons", apiKey, Map.of("email", "ada@example.com",
                "firstName", "Ada", "lastName", "Lovelace", "phone", "+44 20 7946 0958", "source", "organic"));
        assertThat(person.status()).isEqualTo(201);
        UUID personId = UUID.fromString(person.body().get("id").asText());
        assertThat(person.body().get("version").asLong()).isZero();
        assertThat(person.header("Location")).isEqualTo("/api/v1/persons/" + personId);
        assertThat(person.header("ETag")).isEqualTo("\"0\"");

        Response read = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/persons/" + personId, apiKey), response -> response.status() == 200);
        JsonNode body = read.body();
        assertThat(body.get("id").asText()).isEqualTo(personId.toString());
        assertThat(body.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(body.get("firstName").asText()).isEqualTo("Ada");
        assertThat(body.get("lastName").asText()).isEqualTo("Lovelace");
        assertThat(body.get("phone").asText()).isEqualTo("+442079460958");
        assertThat(body.get("source").asText()).isEqualTo("organic");
        assertThat(read.header("ETag")).isEqualTo("\"0\"");

        Response organizationRead = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/organizations/" + organizationId, apiKey),
                response -> response.status() == 200);
        assertThat(organizationRead.body().get("baseCurrency").asText()).isEqualTo("EUR");
        assertThat(organizationRead.body().get("version").asLong()).isEqualTo(1);

        List<Map<String, Object>> rowsBefore = identityRowsOf(organizationId);
        List<String> rowVersionsBefore = physicalRowVersionsOf(organizationId);
        long head = headPosition();

        Response replay = api.post("/api/v1/admin/projections/identity/replay", api.adminKey(), null);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = api.get("/api/v1/admin/projections/identity", api.adminKey()).body();
            assertThat(status.get("running").asBoolean()).isTrue();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(head);
            // rebuilt rows: same content, but physically new tuples (PostgreSQL's xmin changes on re-insert)
            assertThat(physicalRowVersionsOf(organizationId)).doesNotContainAnyElementsOf(rowVersionsBefore);
            assertThat(identityRowsOf(organizationId)).isEqualTo(rowsBefore);
        });
        assertThat(api.get("/api/v1/persons/" + personId, apiKey).body()).isEqualTo(body);
    }

    @Test
    void patchingAPersonsNameAppendsToItsStreamAndIsProjected() {
        TestOrganization organization = api.createOrganization("Patch Ltd");
        UUID personId = api.createPerson(organization, "grace@example.com", "Grace", "Murray");

        Response patched = api.patch("/api/v1/persons/" + personId, organization.apiKey(),
                Map.of("lastName", "Hopper"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.body().get("version").asLong()).isEqualTo(1);
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");

        JsonNode person = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/persons/" + personId, organization.apiKey()).body(),
                body -> body.path("version").asLong() == 1);
        assertThat(person.get("firstName").asText()).isEqualTo("Grace");
        assertThat(person.get("lastName").asText()).isEqualTo("Hopper");
    }

    @Test
    void theProjectionListShowsEveryProcessingGroupWithItsPosition() {
        TestOrganization organization = api.createOrganization("Listing Inc");
        api.createPerson(organization, "alan@example.com", "Alan", "Turing");
        long head = headPosition();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response list = api.get("/api/v1/admin/projections", api.adminKey());
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body().get("nextCursor").isNull()).isTrue();
            List<String> names = new java.util.ArrayList<>();
            list.body().get("items").forEach(item -> names.add(item.get("name").asText()));
            assertThat(names).contains("identity", "addresses", "commerce", "crm");
            JsonNode identity = list.body().get("items").get(names.indexOf("identity"));
            assertThat(identity.get("running").asBoolean()).isTrue();
            assertThat(identity.get("error").asBoolean()).isFalse();
            assertThat(identity.get("position").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(identity.get("headPosition").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(identity.get("segments")).isNotEmpty();
        });
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        Response sideEffects = api.post("/api/v1/admin/projections/platform-association-cleanup/replay",
                api.adminKey(), null);
        assertThat(sideEffects.status()).as("a processor that sends commands is never replayed").isEqualTo(409);
        assertThat(sideEffects.body().get("code").asText()).isEqualTo("replay_not_possible");
        assertThat(api.get("/api/v1/admin/projections/platform-association-cleanup", api.adminKey()).body()
                .get("replayable").asBoolean()).isFalse();
        Response response = api.post("/api/v1/admin/projections/no-such-group/replay", api.adminKey(), null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("code").asText()).isEqualTo("not_found");
    }

    /** Replaying several at once checks every name before it touches any projection. */
    @Test
    void aReplayOfSeveralProjectionsIsRefusedWholeForAnUnknownOneOrOneWithSideEffects() {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM axon.domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/admin/projections/identity",
                api.adminKey()).body().get("position").asLong() >= head);

        Response unknown = api.post("/api/v1/admin/projections/replay?names=identity,no-such-group", api.adminKey(),
                null);
        assertThat(unknown.status()).isEqualTo(404);
        JsonNode identity = api.get("/api/v1/admin/projections/identity", api.adminKey()).body();
        assertThat(identity.get("replaying").asBoolean()).as("identity was not reset").isFalse();
        assertThat(identity.get("position").asLong()).isGreaterThanOrEqualTo(head);

        Response sideEffects = api.post("/api/v1/admin/projections/replay?names=identity,platform-association-cleanup",
                api.adminKey(), null);
        assertThat(sideEffects.status()).isEqualTo(409);
        assertThat(sideEffects.body().get("code").asText()).isEqualTo("replay_not_possible");

        Response noNames = api.post("/api/v1/admin/projections/replay?names=", api.adminKey(), null);
        assertThat(noNames.status()).isEqualTo(400);
        assertThat(noNames.body().get("code").asText()).isEqualTo("invalid_names");

        TestOrganization organization = api.createOrganization("Not An Admin AG");
        assertThat(api.post("/api/v1/admin/projections/replay", organization.apiKey(), null).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/projections/replay", null, null).status()).isEqualTo(401);
    }

    @Test
    void aRuleViolationIsA422ProblemNamingTheField() {
        TestOrganization organization = api.createOrganization("Rules AG");
        Response response = api.post("/api/v1/persons", organization.apiKey(),
                Map.of("email", "not-an-email", "firstName", "A", "lastName", "B"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo("invalid_email");
        assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(response.body().get("correlationId").asText()).isEqualTo(response.header("X-Correlation-Id"));
    }

    @Test
    void aMissingRequiredFieldIsA400Problem() {
        TestOrganization organization = api.createOrganization("Missing BV");
        Response response = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "a@example.com"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo("invalid_request");
        assertThat(response.body().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("firstName", "lastName");
    }

    @Test
    void anUnknownCurrencyIsA422Problem() {
        Response response = api.post("/api/v1/organizations", api.adminKey(),
                Map.of("name", "Nowhere", "baseCurrency", "XYZ"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("code").asText()).isEqualTo("unknown_currency");
    }

    private List<Map<String, Object>> identityRowsOf(UUID organizationId) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.queryForList(
                "SELECT * FROM identity.organization WHERE id = ?", organizationId));
        rows.addAll(jdbc.queryForList(
                "SELECT * FROM identity.person WHERE organization_id = ? ORDER BY id", organizationId));
        return rows;
    }

    private List<String> physicalRowVersionsOf(UUID organizationId) {
        List<String> versions = new java.util.ArrayList<>(jdbc.queryForList(
                "SELECT xmin::text FROM identity.organization WHERE id = ?", String.class, organizationId));
        versions.addAll(jdbc.queryForList(
                "SELECT xmin::text FROM identity.person WHERE organization_id = ?", String.class, organizationId));
        return versions;
    }

    private long headPosition() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM axon.domain_event_entry", Long.class);
    }
}
