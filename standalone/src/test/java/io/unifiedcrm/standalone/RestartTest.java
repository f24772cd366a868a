package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.StandaloneApplication;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stop the standalone application and start it again on the same data directory: everything is still there, the
 * generated admin key is the same, and new events continue the same streams.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    @Test
    void dataAndAdminKeySurviveARestartAndStreamsContinue(CapturedOutput output) throws IOException {
        Path dataDirectory = StandaloneTest.newDataDirectory("restart");
        Path adminKeyFile = dataDirectory.resolve("admin-key");
        TestOrganization organization;
        UUID personId;
        String adminKey;

        try (ConfigurableApplicationContext first = start(dataDirectory)) {
            assertThat(adminKeyFile).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminKeyFile)))
                    .isEqualTo("rw-------");
            adminKey = Files.readString(adminKeyFile).strip();
            assertThat(output.getAll()).contains(adminKeyFile.toString()).doesNotContain(adminKey);

            Api api = new Api(portOf(first), adminKey);
            organization = api.createOrganization("Persistent GmbH");
            personId = api.createPerson(organization, "ada@persistent.example", "Ada", "Lovelace");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get("/api/v1/persons/" + personId, organization.apiKey()).status() == 200);
        }
        assertThat(dataDirectory.resolve("postgres").resolve("postmaster.pid"))
                .as("the embedded PostgreSQL is stopped with the application").doesNotExist();

        try (ConfigurableApplicationContext second = start(dataDirectory)) {
            assertThat(Files.readString(adminKeyFile).strip()).isEqualTo(adminKey);
            Api api = new Api(portOf(second), adminKey);

            Response person = api.get("/api/v1/persons/" + personId, organization.apiKey());
            assertThat(person.status()).as(person.toString()).isEqualTo(200);
            assertThat(person.body().get("email").asText()).isEqualTo("ada@persistent.example");

            Response renamed = api.patch("/api/v1/persons/" + personId, organization.apiKey(),
                    Map.of("lastName", "King"));
            assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
            assertThat(renamed.body().get("version").asLong()).isEqualTo(1);

            UUID secondPerson = api.createPerson(organization, "grace@persistent.example", "Grace", "Hopper");
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            List<Long> personSequence = jdbc.queryForList("""
                    SELECT sequence_number FROM axon.domain_event_entry WHERE aggregate_identifier = ?
                    ORDER BY global_index""", Long.class, personId.toString());
            assertThat(personSequence).containsExactly(0L, 1L);
            List<Long> globalIndexes = jdbc.queryForList(
                    "SELECT global_index FROM axon.domain_event_entry ORDER BY global_index", Long.class);
            assertThat(globalIndexes).as("organization, API key, system object types contact and company, "
                    + "default pipeline, person; rename, second person").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L,
                    8L);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(api.get("/api/v1/persons/" + personId, organization.apiKey()).body()
                        .get("lastName").asText()).isEqualTo("King");
                assertThat(api.get("/api/v1/persons/" + secondPerson, organization.apiKey()).status())
                        .isEqualTo(200);
            });
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .run("--server.port=0", "--unifiedcrm.data.dir=" + dataDirectory);
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
