package io.unifiedcrm.commandside;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.CommandSideApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The command side as its own application (split topology) against an external PostgreSQL, and its wiring with
 * the {@code axonserver} profile (Axon Server cannot run here, so that profile is checked by its beans).
 */
class CommandSideApplicationTest {

    private static final String ADMIN_KEY = "command-side-test-admin-key-0123";
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
    void runsAloneAgainstAnExternalPostgresWithEventsInPostgres() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(EmbeddedEventStore.class);
            assertThat(app.getBean(EventStorageEngine.class)).isInstanceOf(JdbcEventStorageEngine.class);
            assertThat(app.getBean(CommandBus.class)).isInstanceOf(SimpleCommandBus.class);
            assertThat(app.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
            EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
            assertThat(processing.eventProcessors())
                    .as("no projections run on the command side: its set-based lookups, the system object types "
                            + "and the default pipeline of a new organization, the association clean-up and the "
                            + "order stock saga")
                    .containsOnlyKeys("credentials", "person-email-lookup", "object-type-lookup", "record-lookup",
                            "system-object-types", "platform-association-cleanup", "product-sku-lookup",
                            "order-stock", "default-pipeline", "deal-stage-lookup", "person-references",
                            "team-lookup", "pipeline-lookup");
            assertThat(processing.eventProcessors().keySet())
                    .as("no dead-letter queues where no admin API can retry or evict their letters")
                    .allSatisfy(group -> assertThat(processing.deadLetterQueue(group)).as(group).isEmpty());
            assertThat(app.containsBean("eventProcessors"))
                    .as("the health of its processors: a failing association clean-up shows there").isTrue();

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> organization = send(port, "POST", "/api/v1/organizations", ADMIN_KEY,
                    "{\"name\":\"Split Ltd\",\"baseCurrency\":\"GBP\"}");
            assertThat(organization.statusCode()).as(organization.body()).isEqualTo(201);
            String apiKey = organization.body().replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> person = send(port, "POST", "/api/v1/persons", apiKey,
                    "{\"email\":\"ada@split.example\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}");
            assertThat(person.statusCode()).as(person.body()).isEqualTo(201);
            assertThat(send(port, "GET", "/api/v1/persons/" + person.body().replaceAll(".*\"id\":\"([^\"]+)\".*",
                    "$1"), apiKey, null).statusCode()).as("reads are served by the query side").isEqualTo(405);

            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class))
                    .as("organization, its API key, its system object types contact and company, its default "
                            + "pipeline, the person")
                    .isEqualTo(6);
            List<String> migrations = jdbc.queryForList(
                    "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL", String.class);
            assertThat(migrations).isNotEmpty()
                    .allSatisfy(version -> assertThat(version).matches("[12]\\..*"));
        }
    }

    @Test
    void theAxonServerProfileRoutesEventsCommandsAndQueriesThroughAxonServer() {
        // The association clean-up is a streaming processor: its first start asks the event store for its head;
        // with no Axon Server here, let its tokens exist already (as they do once the database is in use).
        start().close();
        try (ConfigurableApplicationContext app = start("--spring.profiles.active=axonserver",
                "--axon.axonserver.servers=localhost:1")) {
            assertThat(app.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(app.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(app.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(app.getBeansOfType(EventStorageEngine.class)).as("no JDBC event storage").isEmpty();
            assertThat(app.getBean(TokenStore.class)).as("tokens stay with the read models")
                    .isInstanceOf(JdbcTokenStore.class);
        }
    }

    private static ConfigurableApplicationContext start(String... extraArguments) {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=" + externalPostgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--server.port=0",
                "--unifiedcrm.admin.key=" + ADMIN_KEY));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(CommandSideApplication.class).run(arguments.toArray(String[]::new));
    }

    private static HttpResponse<String> send(int port, String method, String path, String credential, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + credential)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
