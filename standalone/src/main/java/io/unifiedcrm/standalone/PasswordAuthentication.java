package io.unifiedcrm.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The embedded PostgreSQL asks for a password. zonky's {@code initdb} trusts every local connection, so any user of
 * the machine could connect as the superuser. On its first start (and on the first start of a data directory from
 * before this), the superuser gets the password kept in {@value #FILE_NAME} next to the admin key (readable by its
 * owner only), and every rule of {@code pg_hba.conf} that trusts is changed to ask for a SCRAM password.
 */
final class PasswordAuthentication {

    static final String FILE_NAME = "postgres-password";
    private static final Pattern TRUSTING_RULE = Pattern.compile("(?m)^([^#\\n]*\\s)trust[ \\t]*$");

    private PasswordAuthentication() {
    }

    /** The password of the data directory's superuser; created on first use. */
    static String password(DataDirectory dataDirectory) {
        return SecretFile.readOrCreate(dataDirectory.resolve(FILE_NAME), "");
    }

    /** Makes the running server ask for the password; nothing to do when it already does. */
    static void require(EmbeddedPostgres postgres, Path postgresData, String password) throws IOException,
            SQLException {
        Path rules = postgresData.resolve("pg_hba.conf");
        String current = Files.readString(rules, StandardCharsets.UTF_8);
        if (!TRUSTING_RULE.matcher(current).find()) {
            return;
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            // Base64url: nothing to escape
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(rules, TRUSTING_RULE.matcher(current).replaceAll("$1scram-sha-256"),
                    StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        }
    }
}
