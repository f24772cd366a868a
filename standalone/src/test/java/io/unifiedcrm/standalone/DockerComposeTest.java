package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no container engine), so its wiring is checked by reading it: the services
 * exist, the applications run the axonserver profile against the compose services, and the environment variables
 * bind to the Spring properties the applications read.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeRunsPostgresAxonServerAndBothSides() throws IOException {
        Map<String, Object> services = section(compose(), "services");
        assertThat(services).containsOnlyKeys("postgres", "axonserver", "command-side", "query-side");
        assertThat(section(services, "postgres").get("image").toString()).startsWith("postgres:17");
        assertThat(section(services, "axonserver").get("image").toString()).startsWith("axoniq/axonserver:");
    }

    /** Issue 17, finding 12: no default password, and only the applications are reachable from outside. */
    @Test
    void noDefaultPasswordsAndOnlyTheApplicationsPublishPorts() throws IOException {
        Map<String, Object> services = section(compose(), "services");
        assertThat(section(section(services, "postgres"), "environment").get("POSTGRES_PASSWORD").toString())
                .startsWith("${UNIFIEDCRM_DB_PASSWORD:?");
        for (String side : List.of("command-side", "query-side")) {
            assertThat(section(section(services, side), "environment").get("SPRING_DATASOURCE_PASSWORD").toString())
                    .startsWith("${UNIFIEDCRM_DB_PASSWORD:?");
        }
        assertThat(section(services, "postgres")).doesNotContainKey("ports");
        assertThat(section(services, "axonserver")).doesNotContainKey("ports");
    }

    /** Issue 17, finding 12: Axon Server asks for a token, which no default provides and both sides present. */
    @Test
    void axonServerRunsWithAccessControlOnAndTheApplicationsPresentItsToken() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> services = section(compose, "services");
        Map<String, Object> axonServer = section(services, "axonserver");
        Map<String, Object> environment = section(axonServer, "environment");
        assertThat(environment).containsEntry("AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED", "true");
        String tokenFile = environment.get("AXONIQ_AXONSERVER_ACCESSCONTROL_SYSTEMTOKENFILE").toString();
        assertThat(tokenFile).isEqualTo("/run/secrets/axonserver-token");
        assertThat(axonServer.get("secrets")).isEqualTo(List.of("axonserver-token"));
        assertThat(section(section(compose, "secrets"), "axonserver-token"))
                .containsEntry("environment", "UNIFIEDCRM_AXONSERVER_TOKEN");
        for (String side : List.of("command-side", "query-side")) {
            assertThat(section(section(services, side), "environment").get("AXON_AXONSERVER_TOKEN").toString())
                    .startsWith("${UNIFIEDCRM_AXONSERVER_TOKEN:?");
        }
    }

    @Test
    void eachSideIsBuiltFromItsModuleAndWiredToTheComposeServices() throws IOException {
        Map<String, Object> services = section(compose(), "services");
        Map<String, Object> postgres = section(section(services, "postgres"), "environment");
        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> service = section(services, side);
            assertThat(section(section(service, "build"), "args")).containsEntry("MODULE", side);
            assertThat(ROOT.resolve(side).resolve("pom.xml")).exists();
            assertThat(Files.readString(ROOT.resolve(side).resolve("pom.xml"))).contains("<classifier>exec</classifier>");
            assertThat(section(service, "depends_on")).containsKeys("postgres", "axonserver");

            SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource("compose",
                    new HashMap<>(section(service, "environment")));
            assertThat(environment.getProperty("spring.profiles.active")).isEqualTo("axonserver");
            assertThat(environment.getProperty("axon.axonserver.servers")).isEqualTo("axonserver:8124");
            assertThat(environment.getProperty("spring.datasource.url"))
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(environment.getProperty("spring.datasource.password"))
                    .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            assertThat(environment.getProperty("unifiedcrm.admin.key").toString())
                    .startsWith("${UNIFIEDCRM_ADMIN_KEY:?");
        }
    }

    @Test
    void theDockerfileBuildsTheRunnableJarOfTheRequestedModule() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains("ARG MODULE=standalone")
                .contains("./mvnw")
                .contains("-pl \"${MODULE}\" -am package")
                .contains("\"${MODULE}\"-*-exec.jar")
                .contains("USER unifiedcrm");
        assertThat(ROOT.resolve("mvnw")).isExecutable();
        assertThat(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties")).exists();
    }

    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }
}
