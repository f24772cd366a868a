package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the error model promises beyond input validation: no leaks from a 500, correlation ids end to end. */
class ErrorModelTest extends StandaloneTest {

    @LocalServerPort
    private int port;

    @Test
    void anUnexpectedFailureIsA500ProblemThatRevealsNothing() {
        Response response = api.get("/test/unexpected-failure", api.adminKey());
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo("internal_error");
        assertThat(response.body().get("correlationId").asText()).isEqualTo(response.header("X-Correlation-Id"));
        assertThat(response.raw().body())
                .doesNotContain("db-internal").doesNotContain("IllegalStateException").doesNotContain("\tat ");
    }

    @Test
    void theClientsCorrelationIdIsEchoedAndStoredWithTheEvents() throws Exception {
        TestOrganization organization = api.createOrganization("Correlated AG");
        String correlationId = "checkout-" + UUID.randomUUID();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/persons"))
                .header("Authorization", "Bearer " + organization.apiKey())
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"ada@correlated.example\",\"firstName\":\"Ada\",\"lastName\":\"L\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).hasValue(correlationId);
        String personId = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(jdbc.queryForMap("""
                        SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId' AS correlation,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'organizationId' AS organization,
                               convert_from(meta_data, 'UTF8')::jsonb ->> 'actor' AS actor
                        FROM axon.domain_event_entry WHERE aggregate_identifier = ?""", personId))
                .containsEntry("correlation", correlationId)
                .containsEntry("organization", organization.id().toString())
                .hasEntrySatisfying("actor", actor -> assertThat(actor.toString()).startsWith("apiKey:"));
    }

    @Test
    void anUnacceptableCorrelationIdIsReplacedByAGeneratedOne() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health"))
                .header("X-Correlation-Id", "<script>" + "x".repeat(100))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("X-Correlation-Id")).get().asString()
                .matches("[0-9a-f-]{36}");
    }
}
