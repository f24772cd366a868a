package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.StandaloneApplication;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code unifiedcrm.projections.disabled}: the standalone application with the timeline and search projections left
 * out has no event processor, token or status for them, while the other projections, the query side, health and the
 * projection admin work as usual. Its own application context and PostgreSQL, closed after the class.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "unifiedcrm.admin.key=" + DisabledProcessingGroupsTest.ADMIN_KEY,
                "unifiedcrm.embedded-postgres.fsync=off",
                "unifiedcrm.projections.disabled=timeline, search"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DisabledProcessingGroupsTest {

    static final String ADMIN_KEY = "test-admin-key-disabled-groups-0123";
    private static final Path DATA_DIR = StandaloneTest.newDataDirectory("disabled-groups");

    @LocalServerPort
    private int port;
    @Autowired
    private EventProcessingConfiguration eventProcessing;
    @Autowired
    private JdbcTemplate jdbc;
    private Api api;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("unifiedcrm.data.dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        api = new Api(port, ADMIN_KEY);
    }

    @Test
    void theLeftOutGroupsHaveNoProcessorAndTheOthersRun() {
        assertThat(eventProcessing.eventProcessors()).doesNotContainKeys("timeline", "search")
                .containsKeys("identity", "addresses", "commerce", "crm", "platform");
        assertThat(eventProcessing.eventProcessors().values()).allSatisfy(processor ->
                assertThat(processor.isRunning()).as(processor.getName()).isTrue());

        TestOrganization organization = api.createOrganization("Left Out GmbH");
        UUID person = api.createPerson(organization, "ada@left-out.example", "Ada", "Lovelace");
        Api.Response read = api.send("GET", "/api/v1/persons/" + person, organization.apiKey(), null, null,
                java.util.Map.of("X-Min-Version", "0"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("X-Read-Model-Stale")).isNull();
        assertThat(read.body().get("email").asText()).isEqualTo("ada@left-out.example");

        Api.Response timeline = api.get("/api/v1/persons/" + person + "/timeline", organization.apiKey());
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body().get("items")).isEmpty();
        assertThat(api.get("/api/v1/search?q=lovelace", organization.apiKey()).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.token_entry WHERE processor_name IN "
                + "('timeline', 'search')", Long.class)).isZero();
    }

    @Test
    void healthAndTheProjectionAdminKnowOnlyTheGroupsThatRun() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response health = api.get("/actuator/health", api.adminKey());
            assertThat(health.status()).as(health.toString()).isEqualTo(200);
        });
        JsonNode processors = api.get("/actuator/health", api.adminKey()).body()
                .path("components").path("eventProcessors").path("details");
        assertThat(processors.has("identity")).as(processors.toString()).isTrue();
        assertThat(processors.has("timeline")).isFalse();
        assertThat(processors.has("search")).isFalse();

        JsonNode all = api.get("/api/v1/admin/projections?limit=100", ADMIN_KEY).body();
        List<String> names = StreamSupport.stream(all.get("items").spliterator(), false)
                .map(item -> item.get("name").asText()).toList();
        assertThat(names).contains("identity", "addresses", "commerce", "crm", "platform")
                .doesNotContain("timeline", "search");
        assertThat(api.get("/api/v1/admin/projections/timeline", ADMIN_KEY).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/admin/projections/search/replay", ADMIN_KEY, null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/admin/projections/timeline/rebuild", ADMIN_KEY, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/dead-letters?group=timeline", ADMIN_KEY).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/dead-letters", ADMIN_KEY).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/projections/identity/replay", ADMIN_KEY, null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/api/v1/admin/projections/identity", ADMIN_KEY)
                .body().get("replaying").asBoolean());
    }
}
