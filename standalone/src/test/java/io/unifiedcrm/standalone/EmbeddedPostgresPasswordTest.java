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

    /** Issue 17, finding 11: the application is no superuser; it owns its database and what is in it. */
    @Test
    void theApplicationConnectsAsARoleOfItsOwnThatOwnsItsDatabaseAndNothingMore() throws Exception {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(ApplicationRole.NAME);
        assertThat(jdbc.queryForObject("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles "
                + "WHERE rolname = current_user", Boolean.class)).isFalse();
        assertThat(jdbc.queryForList("""
                SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname IN ('axon', 'identity', 'commerce', 'crm', 'platform', 'system', 'shared', 'auth')
                  AND c.relowner <> current_user::regrole""", String.class)).as("tables not the application's").isEmpty();
        assertThatThrownBy(() -> jdbc.execute("CREATE ROLE intruder LOGIN")).rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("ALTER SYSTEM SET fsync = off")).rootCause()
                .hasMessageContaining("permission denied");
        Path file = dataDirectory.resolve(ApplicationRole.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    /** A data directory from before: what the superuser had created becomes the application's. */
    @Test
    void whatTheSuperuserCreatedBeforeIsHandedToTheApplication() throws Exception {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/unifiedcrm";
        String superuser = Files.readString(dataDirectory.resolve(PasswordAuthentication.FILE_NAME)).strip();
        try (var connection = DriverManager.getConnection(url, "postgres", superuser);
             var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA legacy_owned");
            statement.execute("CREATE TABLE legacy_owned.kept (id bigserial PRIMARY KEY, note text)");
            statement.execute("CREATE FUNCTION legacy_owned.noted() RETURNS bigint LANGUAGE sql "
                    + "AS 'SELECT count(*) FROM legacy_owned.kept'");
        }

        ApplicationRole.ensure(postgres, "unifiedcrm", Files.readString(
                dataDirectory.resolve(ApplicationRole.PASSWORD_FILE)).strip());

        jdbc.update("INSERT INTO legacy_owned.kept (note) VALUES ('the application writes it')");
        assertThat(jdbc.queryForObject("SELECT legacy_owned.noted()", Long.class)).isEqualTo(1);
        jdbc.execute("DROP SCHEMA legacy_owned CASCADE");
    }
}
