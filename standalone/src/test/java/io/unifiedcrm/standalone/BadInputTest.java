package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A corpus of bad input sent to every mutation: each answer is a 4xx problem with a code and a correlation id —
 * never a 500 — and no event is appended.
 */
class BadInputTest extends StandaloneTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;
    private TestOrganization organization;
    private UUID person;
    private String deal;

    @BeforeEach
    void anOrganizationWithAPerson() {
        organization = api.createOrganization("Bad Input GmbH");
        person = api.createPerson(organization, "ada@badinput.example", "Ada", "Lovelace");
        deal = api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "Bad input deal")).body().get("id")
                .asText();
    }

    @Test
    void everyMutationRefusesTheCorpusWithA4xxProblemAndWritesNothing() throws Exception {
        Map<String, Endpoint> endpoints = Map.of(
                "create person", new Endpoint("POST", "/api/v1/persons", organization.apiKey(), "firstName"),
                "patch person", new Endpoint("PATCH", "/api/v1/persons/" + person, organization.apiKey(), "firstName"),
                "create organization", new Endpoint("POST", "/api/v1/organizations", api.adminKey(), "name"),
                "create deal", new Endpoint("POST", "/api/v1/deals", organization.apiKey(), "name"),
                "patch deal", new Endpoint("PATCH", "/api/v1/deals/" + deal, organization.apiKey(), "name"),
                "create pipeline", new Endpoint("POST", "/api/v1/pipelines", organization.apiKey(), "name"));
        for (Map.Entry<String, Endpoint> endpoint : endpoints.entrySet()) {
            for (Map.Entry<String, BadBody> bad : corpus(endpoint.getValue().textField()).entrySet()) {
                long eventsBefore = eventCount();
                HttpResponse<String> response = send(endpoint.getValue(), bad.getValue());
                String what = endpoint.getKey() + " / " + bad.getKey() + " -> " + response.statusCode() + " "
                        + response.body();
                assertThat(response.statusCode()).as(what).isEqualTo(bad.getValue().expectedStatus());
                assertThat(response.headers().firstValue("Content-Type")).as(what)
                        .hasValue("application/problem+json");
                JsonNode problem = JSON.readTree(response.body());
                assertThat(problem.path("code").asText()).as(what).isEqualTo(bad.getValue().expectedCode());
                assertThat(problem.path("correlationId").asText()).as(what)
                        .isEqualTo(response.headers().firstValue("X-Correlation-Id").orElseThrow());
                assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("at io.");
                assertThat(eventCount()).as(what + ": no event").isEqualTo(eventsBefore);
            }
        }
    }

    /**
     * Issue 17, finding 8: a NUL character in a member name, or deep in a free-form member, reached the events and
     * failed every projection writing it (PostgreSQL stores no NUL in text or jsonb). It is refused before anything is
     * written, wherever it stands.
     */
    @Test
    void aNulCharacterInAMemberNameOrAFreeFormValueIsRefusedBeforeAnythingIsWritten() throws Exception {
        Endpoint createPerson = new Endpoint("POST", "/api/v1/persons", organization.apiKey(), "firstName");
        Map<String, String> bodies = Map.of(
                "NUL in a name of sourceDetails", "{\"email\": \"nul1@badinput.example\", \"firstName\": \"Nul\", "
                        + "\"lastName\": \"Key\", \"sourceDetails\": {\"utm\\u0000source\": \"ad\"}}",
                "NUL in a nested value of sourceDetails", "{\"email\": \"nul2@badinput.example\", \"firstName\": "
                        + "\"Nul\", \"lastName\": \"Value\", \"sourceDetails\": {\"campaign\": {\"name\": [\"a\\u0000\"]}}}",
                "NUL in the name of a known member", "{\"email\": \"nul3@badinput.example\", \"first\\u0000Name\": "
                        + "\"Nul\", \"lastName\": \"Member\"}");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            long eventsBefore = eventCount();
            HttpResponse<String> response = send(createPerson, new BadBody(body.getValue(), "application/json", 400,
                    "invalid_characters"));
            assertThat(response.statusCode()).as(body.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("code").asText()).as(body.getKey())
                    .isEqualTo("invalid_characters");
            assertThat(eventCount()).as(body.getKey() + ": no event").isEqualTo(eventsBefore);
        }
    }

    @Test
    void unknownRoutesWrongMethodsAndUnacceptableFormatsAreProblemsToo() throws Exception {
        HttpResponse<String> unknownRoute = send(new Endpoint("GET", "/api/v1/no-such-thing", organization.apiKey(), null),
                null);
        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownRoute.body()).get("code").asText()).isEqualTo("not_found");

        HttpResponse<String> wrongMethod = send(new Endpoint("DELETE", "/api/v1/persons", organization.apiKey(), null),
                null);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(wrongMethod.body()).get("code").asText()).isEqualTo("method_not_allowed");

        HttpResponse<String> badId = send(new Endpoint("GET", "/api/v1/persons/not-a-uuid", organization.apiKey(), null),
                null);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    /** Bad bodies for an endpoint whose body has the text property {@code field}. */
    private Map<String, BadBody> corpus(String field) {
        Map<String, BadBody> corpus = new LinkedHashMap<>();
        corpus.put("malformed JSON", new BadBody("{\"" + field + "\": \"a@example.com\", ", "application/json",
                400,
                "malformed_json"));
        corpus.put("10,000 levels of nesting", new BadBody("[".repeat(10_000) + "]".repeat(10_000),
                "application/json", 400, "invalid_body"));
        corpus.put("2 MiB body", new BadBody("{\"" + field + "\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}",
                "application/json", 413, "payload_too_large"));
        corpus.put("2 MiB body without Content-Length", new BadBody("{\"" + field + "\": \"" + "x".repeat(2 * 1024 * 1024)
                + "\"}", "application/json", 413, "payload_too_large").chunked());
        corpus.put("wrong content type", new BadBody("firstName=Ada", "text/plain", 415, "unsupported_media_type"));
        corpus.put("unknown field", new BadBody("{\"" + field + "\": \"Ada\", \"version\": 7}", "application/json", 400,
                "unknown_property"));
        corpus.put("number for text", new BadBody("{\"" + field + "\": 42}", "application/json", 400, "invalid_type"));
        corpus.put("object for text", new BadBody("{\"" + field + "\": {\"a\": 1}}", "application/json", 400,
                "invalid_type"));
        corpus.put("NUL byte", new BadBody("{\"" + field + "\": \"Ada\\u0000\"}", "application/json", 400,
                "invalid_characters"));
        corpus.put("huge number", new BadBody("{\"" + field + "\": 1" + "0".repeat(5000) + "}", "application/json", 400,
                "input_limits_exceeded"));
        corpus.put("empty body", new BadBody("", "application/json", 400, "missing_body"));
        corpus.put("array instead of object", new BadBody("[]", "application/json", 400, "invalid_body"));
        corpus.put("duplicate key", new BadBody("{\"" + field + "\": \"Ada\", \"" + field + "\": \"Eve\"}",
                "application/json", 400, "malformed_json"));
        corpus.put("trailing garbage", new BadBody("{\"" + field + "\": \"Ada\"} trailing", "application/json", 400,
                "malformed_json"));
        corpus.put("second document", new BadBody("{\"" + field + "\": \"Ada\"} {}", "application/json", 400,
                "invalid_body"));
        return corpus;
    }

    private HttpResponse<String> send(Endpoint endpoint, BadBody body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
                .header("Authorization", "Bearer " + endpoint.credential());
        if (body == null) {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] bytes = body.content().getBytes(StandardCharsets.UTF_8);
            request.header("Content-Type", endpoint.method().equals("PATCH") && body.contentType().equals(
                    "application/json") ? "application/merge-patch+json" : body.contentType());
            request.method(endpoint.method(), body.withoutLength()
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                    : HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
    }

    private record Endpoint(String method, String path, String credential, String textField) {
    }

    private record BadBody(String content, String contentType, int expectedStatus, String expectedCode,
                           boolean withoutLength) {
        BadBody(String content, String contentType, int expectedStatus, String expectedCode) {
            this(content, contentType, expectedStatus, expectedCode, false);
        }

        BadBody chunked() {
            return new BadBody(content, contentType, expectedStatus, expectedCode, true);
        }
    }

    @Test
    void aRequestTomcatRefusesBeforeTheApplicationIsAProblemToo() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET /api/v1/persons?q=a|b\"c HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(answer).contains("\"code\":\"malformed_request\"").doesNotContain("<html");
        }
    }
}
