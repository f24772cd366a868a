package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.infrastructure.idempotency.IdempotencyKeys;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Idempotency-Key: retries get the original answer and change nothing. */
class IdempotencyTest extends StandaloneTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADA = "{\"email\":\"ada@idempotent.example\",\"firstName\":\"Ada\",\"lastName\":\"L\"}";

    @LocalServerPort
    private int port;
    @Autowired
    private IdempotencyKeys idempotencyKeys;
    private TestOrganization organization;

    @BeforeEach
    void anOrganization() {
        organization = api.createOrganization("Idempotent GmbH");
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheOriginalAnswerAndChangesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("/api/v1/persons", key, ADA);
        long eventsAfterFirst = eventCount();
        HttpResponse<String> retry = post("/api/v1/persons", key, ADA);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(eventCount()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post("/api/v1/persons", key, ADA).statusCode()).isEqualTo(201);
        long events = eventCount();
        HttpResponse<String> other = post("/api/v1/persons", key, ADA.replace("Ada", "Eve"));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(other.body()).get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRuleViolationIsRememberedToo() throws Exception {
        String key = UUID.randomUUID().toString();
        String invalid = ADA.replace("ada@idempotent.example", "not-an-email");
        HttpResponse<String> first = post("/api/v1/persons", key, invalid);
        HttpResponse<String> retry = post("/api/v1/persons", key, invalid);
        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(retry.statusCode()).isEqualTo(422);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void keysAreScopedToTheOrganization() throws Exception {
        String key = UUID.randomUUID().toString();
        TestOrganization other = api.createOrganization("Other Idempotent GmbH");
        HttpResponse<String> mine = post("/api/v1/persons", key, ADA);
        HttpResponse<String> theirs = send(other.apiKey(), "/api/v1/persons", key, ADA);
        assertThat(mine.statusCode()).isEqualTo(201);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(JSON.readTree(theirs.body()).get("id")).isNotEqualTo(JSON.readTree(mine.body()).get("id"));
    }

    @Test
    void twentyConcurrentCreatesWithOneKeyMakeExactlyOnePerson() throws Exception {
        String key = UUID.randomUUID().toString();
        int requests = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                responses.add(clients.submit(() -> {
                    start.await();
                    return post("/api/v1/persons", key, ADA);
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                answers.add(response.get());
            }
            assertThat(answers).extracting(HttpResponse::statusCode).allMatch(status -> status == 201 || status == 409);
            Set<String> ids = answers.stream().filter(answer -> answer.statusCode() == 201)
                    .map(answer -> answer.body()).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(personsCreatedIn(organization.id())).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsA400() throws Exception {
        HttpResponse<String> response = post("/api/v1/persons", "not a valid key", ADA);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("invalid_idempotency_key");
    }

    @Test
    void keysExpireAfterTheirRetention() {
        jdbc.update("""
                INSERT INTO system.idempotency_key (scope, route, idempotency_key, request_fingerprint, state, created_at)
                VALUES ('test', 'POST /x', 'old', repeat('0', 64), 'completed', now() - interval '25 hours'),
                       ('test', 'POST /x', 'new', repeat('0', 64), 'completed', now() - interval '23 hours')""");
        idempotencyKeys.removeExpired();
        assertThat(jdbc.queryForList(
                "SELECT idempotency_key FROM system.idempotency_key WHERE scope = 'test'", String.class))
                .containsExactly("new");
    }

    @Test
    void anApiKeyIssuedUnderAnIdempotencyKeyIsNeverKeptAndItsReplayWithholdsIt() throws Exception {
        String key = UUID.randomUUID().toString();
        for (var issued : List.of(
                List.of(organization.apiKey(), "/api/v1/organizations/" + organization.id() + "/api-keys",
                        "{\"access\":\"read_only\"}"),
                List.of(ADMIN_KEY, "/api/v1/organizations", "{\"name\":\"Secretive Ltd\",\"baseCurrency\":\"EUR\"}"))) {
            HttpResponse<String> first = send(issued.get(0), issued.get(1), key, issued.get(2));
            HttpResponse<String> replay = send(issued.get(0), issued.get(1), key, issued.get(2));

            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            String secret = JSON.readTree(first.body()).get("apiKey").asText();
            assertThat(secret).startsWith("ucrm_");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM system.idempotency_key WHERE idempotency_key = ? "
                    + "AND position(convert_to(?, 'UTF8') IN response_body) > 0", Long.class, key, secret))
                    .as("the secret kept at rest").isZero();
            assertThat(replay.statusCode()).isEqualTo(201);
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(replay.headers().firstValue("Idempotent-Withheld")).hasValue("apiKey");
            assertThat(first.headers().firstValue("Idempotent-Withheld")).isEmpty();
            assertThat(JSON.readTree(replay.body()).get("apiKey").isNull()).isTrue();
            assertThat(JSON.readTree(replay.body()).get("id")).isEqualTo(JSON.readTree(first.body()).get("id"));
        }
        // the document says so: a generated client must take the null
        var schemas = JSON.readTree(api.get("/v3/api-docs", null).raw().body()).path("components").path("schemas");
        for (String answer : List.of("ApiKeyIssued", "OrganizationCreated")) {
            var apiKey = schemas.path(answer).path("properties").path("apiKey");
            assertThat(apiKey.path("nullable").asBoolean() || apiKey.path("type").toString().contains("null"))
                    .as(answer + ".apiKey " + apiKey).isTrue();
        }
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return send(organization.apiKey(), path, key, body);
    }

    private HttpResponse<String> send(String credential, String path, String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + credential)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
    }
}
