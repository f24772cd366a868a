package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 17, finding 11: the embedded PostgreSQL no longer trusts every local user as its superuser; it asks for the
 * password kept next to the admin key, which only the owner can read.
 */
class EmbeddedPostgresPasswordTest extends StandaloneTest {

    @Autowired
    private EmbeddedPostgres postgres;
    @Value("${unifiedcrm.data.dir}")
    private Path dataDirectory;

    @Test
    void theEmbeddedServerAsksForThePasswordKeptOwnerReadableNextToTheAdminKey() throws Exception {
        Path file = dataDirectory.resolve(PasswordAuthentication.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(40);
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/unifiedcrm";

        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", null).close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        try (var connection = DriverManager.getConnection(url, "postgres", password)) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(Files.readString(dataDirectory.resolve("postgres").resolve("pg_hba.conf")))
                .doesNotContainPattern("(?m)^[^#]*\\strust\\s*$");
    }
}
