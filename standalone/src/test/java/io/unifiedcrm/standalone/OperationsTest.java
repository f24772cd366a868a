package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Health, metrics and the API description an operator and a client developer rely on. */
class OperationsTest extends StandaloneTest {

    @Test
    void healthIncludesTheDatabaseAndTheEventProcessors() {
        Response health = api.get("/actuator/health", api.adminKey());
        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.body().get("components");
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("db").get("details").get("database").asText()).isEqualTo("PostgreSQL");
        assertThat(components.get("eventProcessors").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("eventProcessors").get("details").get("identity").asText()).isEqualTo("RUNNING");
    }

    /** Issue 17, finding 13: health details and metrics are for the platform admin, the status for everyone. */
    @Test
    void withoutTheAdminKeyHealthIsTheStatusAloneAndMetricsAreRefused() {
        Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(health.body().has("components")).as(health.toString()).isFalse();
        TestOrganization organization = api.createOrganization("Nosy Ltd");
        assertThat(api.get("/actuator/health", organization.apiKey()).body().has("components")).isFalse();

        assertThat(api.send("GET", "/actuator/prometheus", null, null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/actuator/prometheus", organization.apiKey(), null, null).status())
                .isEqualTo(403);
    }

    @Test
    void prometheusExposesAxonMetrics() {
        TestOrganization organization = api.createOrganization("Metrics Ltd");
        UUID personId = api.createPerson(organization, "ada@metrics.example", "Ada", "Lovelace");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/persons/" + personId, organization.apiKey()).status() == 200);
        Response metrics = api.send("GET", "/actuator/prometheus", api.adminKey(), null, null);
        assertThat(metrics.status()).isEqualTo(200);
        String text = metrics.raw().body();
        assertThat(text).contains("commandBus_successCounter_total")
                .contains("eventStore_ingestedCounter_total")
                .contains("identity_latency")
                .contains("identity_processedCounter_total")
                // command latency: Axon's command bus timer
                .contains("commandBus_allTimer_seconds_count")
                .contains("commandBus_successTimer_seconds_count");
        for (String processor : new String[] {"identity", "commerce", "crm"}) {
            assertThat(gauge(text, "unifiedcrm_processor_lag_events", processor)).isGreaterThanOrEqualTo(0);
            assertThat(gauge(text, "unifiedcrm_processor_lag_ms", processor)).isGreaterThanOrEqualTo(0);
        }
    }

    /**
     * How long after its creation an event is in each projection's read model, measured in the application: the
     * creation of a person counts once for each projection that handles it, with a delay between zero and the time
     * the test waited for it; a replay's events are not counted.
     */
    @Test
    void theDelayUntilAReadModelHoldsAnEventIsMeasuredPerProjection() {
        String before = prometheus();
        TestOrganization organization = api.createOrganization("Visible Ltd");
        long started = System.nanoTime();
        UUID personId = api.createPerson(organization, "ada@visible.example", "Ada", "Lovelace");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/persons/" + personId, organization.apiKey()).status() == 200);
        double waited = (System.nanoTime() - started) / 1e9;
        String visible = "unifiedcrm_projection_visible_seconds";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String after = prometheus();
            assertThat(gauge(after, visible + "_count", "identity") - gauge(before, visible + "_count", "identity"))
                    .as("the organization's and the person's events").isGreaterThanOrEqualTo(2);
        });
        String after = prometheus();
        double count = gauge(after, visible + "_count", "identity") - gauge(before, visible + "_count", "identity");
        double sum = gauge(after, visible + "_sum", "identity") - gauge(before, visible + "_sum", "identity");
        assertThat(sum / count).as("mean delay, s").isBetween(0.0, waited + 1);
        assertThat(after.lines().filter(line -> line.startsWith(visible + "_bucket{")
                && line.contains("processor=\"identity\"")).count()).as("a histogram").isGreaterThan(10);
    }

    /**
     * Logback asks every turbo filter about every log call, even one below the logger's level; none is installed. Log
     * events written are still counted by level.
     */
    @Test
    void logEventsAreCountedWithoutATurboFilter() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(logging.getTurboFilterList()).isEmpty();

        double before = counter(prometheus(), "logback_events_total{level=\"warn\"}");
        LoggerFactory.getLogger(OperationsTest.class).warn("A warning an operator counts");
        LoggerFactory.getLogger(OperationsTest.class).debug("A debug line nobody writes");
        String after = prometheus();
        assertThat(counter(after, "logback_events_total{level=\"warn\"}")).isEqualTo(before + 1);
        assertThat(counter(after, "logback_events_total{level=\"debug\"}")).isZero();
    }

    private String prometheus() {
        return api.send("GET", "/actuator/prometheus", api.adminKey(), null, null).raw().body();
    }

    private static double counter(String prometheus, String series) {
        return prometheus.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + series + " in /actuator/prometheus"));
    }

    /** The value of a gauge of one processor in the Prometheus text. */
    private static double gauge(String prometheus, String name, String processor) {
        String prefix = name + "{processor=\"" + processor + "\"";
        return prometheus.lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in /actuator/prometheus"));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsAndTheirSecurity() {
        Response apiDocs = api.get("/v3/api-docs", null);
        assertThat(apiDocs.status()).isEqualTo(200);
        JsonNode paths = apiDocs.body().get("paths");
        assertThat(paths.has("/api/v1/organizations")).isTrue();
        assertThat(paths.has("/api/v1/organizations/{organizationId}")).isTrue();
        assertThat(paths.has("/api/v1/persons")).isTrue();
        assertThat(paths.has("/api/v1/persons/{personId}")).isTrue();
        assertThat(paths.has("/api/v1/admin/projections")).isTrue();
        assertThat(paths.has("/api/v1/admin/projections/{name}/replay")).isTrue();
        assertThat(apiDocs.body().get("components").get("securitySchemes").get("bearer").get("scheme").asText())
                .isEqualTo("bearer");
        assertThat(apiDocs.body().toString()).doesNotContain("CallerOrganization").doesNotContain("\"caller\"");
    }

    /**
     * The replay endpoints answer 202 with JSON (ReplayDeterminismTest, ProjectionStatusTest); the document says so, and
     * names a schema it defines.
     */
    @Test
    void theOpenApiDocumentDeclaresTheReplaysAcceptedWithTheirBodies() {
        JsonNode document = api.get("/v3/api-docs", null).body();
        for (String path : new String[] {"/api/v1/admin/projections/replay", "/api/v1/admin/projections/{name}/replay"}) {
            JsonNode responses = document.get("paths").get(path).get("post").get("responses");
            assertThat(responses.has("200")).as(path).isFalse();
            String schema = responses.get("202").get("content").get("application/json").get("schema").get("$ref")
                    .asText();
            assertThat(document.get("components").get("schemas").has(schema.substring(schema.lastIndexOf('/') + 1)))
                    .as(path + " " + schema).isTrue();
        }
    }
}
