package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.StandaloneApplication;
import io.unifiedcrm.projection.runtime.status.CommandLineRebuild;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code --rebuild=<projections>} rebuilds read models from the command line, without the HTTP API, on the
 * application's own data directory, and ends with an exit code.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandLineRebuildTest {

    @Test
    void aProjectionIsRebuiltFromTheCommandLineWithoutTheHttpApi(CapturedOutput output) throws Exception {
        Path dataDirectory = StandaloneTest.newDataDirectory("rebuild");
        TestOrganization organization;
        UUID personId;
        try (ConfigurableApplicationContext running = start(dataDirectory)) {
            Api api = new Api(Integer.parseInt(running.getEnvironment().getProperty("local.server.port")),
                    Files.readString(dataDirectory.resolve("admin-key")).strip());
            organization = api.createOrganization("Rebuilt GmbH");
            personId = api.createPerson(organization, "ada@rebuilt.example", "Ada", "Lovelace");
            UUID id = personId;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> api.get("/api/v1/persons/" + id, organization.apiKey()).status() == 200);
            // a damaged read model, which only a rebuild from the events repairs
            running.getBean(JdbcTemplate.class).update("UPDATE identity.person SET first_name = 'Damaged' "
                    + "WHERE id = ?", personId);
        }

        int before = output.getAll().length();
        int exit = CommandLineRebuild.run(StandaloneApplication.class, new String[] {"--rebuild=identity,crm",
                "--unifiedcrm.data.dir=" + dataDirectory});

        assertThat(exit).isZero();
        assertThat(output.getAll().substring(before)).contains("Rebuilding [identity, crm]")
                .contains("Rebuilt identity: at position").contains("Rebuilt crm: at position")
                .as("no HTTP API").doesNotContain("Tomcat started");
        assertThat(CommandLineRebuild.run(StandaloneApplication.class, new String[] {"--rebuild=no_such_projection",
                "--unifiedcrm.data.dir=" + dataDirectory})).as("an unknown projection").isEqualTo(1);

        try (ConfigurableApplicationContext again = start(dataDirectory)) {
            Api api = new Api(Integer.parseInt(again.getEnvironment().getProperty("local.server.port")),
                    Files.readString(dataDirectory.resolve("admin-key")).strip());
            assertThat(api.get("/api/v1/persons/" + personId, organization.apiKey()).body().get("firstName").asText())
                    .as("the rebuilt read model").isEqualTo("Ada");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(StandaloneApplication.class)
                .run("--server.port=0", "--unifiedcrm.data.dir=" + dataDirectory);
    }
}
