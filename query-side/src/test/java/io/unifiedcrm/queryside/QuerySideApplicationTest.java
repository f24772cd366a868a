package io.unifiedcrm.queryside;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.QuerySideApplication;
import io.unifiedcrm.infrastructure.processing.DeadLetterCounts;
import io.unifiedcrm.infrastructure.security.ApiKeySecret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The query side as its own application (split topology): it tails the event store that another process writes
 * and serves the read models; with the {@code axonserver} profile it reads events from Axon Server.
 */
class QuerySideApplicationTest {

    private static final String ADMIN_KEY = "query-side-test-admin-key-012345";
    private static EmbeddedPostgres externalPostgres;

    @BeforeAll
    static void startExternalPostgres() throws IOException {
        externalPostgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopExternalPostgres() throws IOException {
        externalPostgres.close();
    }

    @Test
    void projectsEventsAnotherProcessAppendedAndServesThem() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
            assertThat(app.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            assertThat(app.getBean(QueryBus.class)).isInstanceOf(SimpleQueryBus.class);
            assertThat(app.getBean(EventProcessingConfiguration.class).eventProcessors())
                    .containsOnlyKeys("identity", "addresses", "commerce", "crm", "platform", "timeline", "search")
                    .hasValueSatisfying(new org.assertj.core.api.Condition<>(
                            PooledStreamingEventProcessor.class::isInstance, "pooled streaming"));
            assertThat(app.getBean(DeadLetterCounts.class).groups()).as("every projection has a dead-letter queue")
                    .containsExactlyInAnyOrder("identity", "addresses", "commerce", "crm", "platform", "timeline",
                            "search");

            UUID organizationId = UUID.randomUUID();
            UUID personId = UUID.randomUUID();
            ApiKeySecret apiKey = ApiKeySecret.generate();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            appendAsTheCommandSideWould(jdbc, organizationId, 0, "OrganizationCreatedEvent",
                    "{\"organizationId\":\"" + organizationId + "\",\"name\":\"Split\",\"baseCurrency\":\"EUR\"}");
            appendAsTheCommandSideWould(jdbc, personId, 0, "PersonCreatedEvent",
                    "{\"personId\":\"" + personId + "\",\"organizationId\":\"" + organizationId
                            + "\",\"email\":\"ada@split.example\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}");
            jdbc.update("INSERT INTO auth.api_key (api_key_id, organization_id, key_hash, access, issued_at) "
                    + "VALUES (?, ?, ?, 'READ_WRITE', now())", UUID.randomUUID(), organizationId, apiKey.hash());

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> person = await().atMost(Duration.ofSeconds(15)).until(
                    () -> send(port, "GET", "/api/v1/persons/" + personId, apiKey.value()),
                    response -> response.statusCode() == 200);
            assertThat(person.body()).contains("\"email\":\"ada@split.example\"");
            assertThat(send(port, "GET", "/api/v1/admin/projections", ADMIN_KEY).body()).contains("\"identity\"");
            assertThat(send(port, "POST", "/api/v1/persons", apiKey.value()).statusCode())
                    .as("commands are taken by the command side").isEqualTo(405);

            List<String> migrations = jdbc.queryForList(
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL", String.class);
            assertThat(migrations).allSatisfy(version -> assertThat(version).matches("[13]\\..*"));
        }
    }

    @Test
    void theAxonServerProfileReadsEventsAndRoutesQueriesThroughAxonServer() {
        // A processor's first start asks the event store for its head to create tokens; with no Axon Server here,
        // let the tokens exist already (as they do once the database is in use) so start-up does not wait for it.
        start().close();
        try (ConfigurableApplicationContext app = start("--spring.profiles.active=axonserver",
                "--axon.axonserver.servers=localhost:1")) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(app.getBeansOfType(EventStorageEngine.class)).isEmpty();
            assertThat(app.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
        }
    }

    private static void appendAsTheCommandSideWould(JdbcTemplate jdbc, UUID aggregateId, long sequence,
                                                    String eventType, String payload) {
        String packageName = eventType.startsWith("Organization")
                ? "io.unifiedcrm.identity.organization.api." : "io.unifiedcrm.identity.person.api.";
        jdbc.update("""
                        INSERT INTO axon.domain_event_entry (aggregate_identifier, sequence_number, type,
                            event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (?, ?, ?, ?, ?, ?, '1', ?, ?)""",
                aggregateId.toString(), sequence, eventType.replace("CreatedEvent", ""), UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8),
                packageName + eventType, "2026-11-25T10:00:00Z");
    }

    private static ConfigurableApplicationContext start(String... extraArguments) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=" + externalPostgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--unifiedcrm.admin.key=" + ADMIN_KEY));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(QuerySideApplication.class).run(arguments.toArray(String[]::new));
    }

    private static HttpResponse<String> send(int port, String method, String path, String credential)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + credential)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
