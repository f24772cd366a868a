package io.unifiedcrm.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The harness's embedded PostgreSQL 17 on a fresh data directory, with durable commits as the standalone application
 * runs it. The harness's own connections are named {@value #HARNESS} ({@code application_name}), the application's
 * {@value #APPLICATION}, so that the profile can tell their backends apart.
 */
final class BenchDatabase implements AutoCloseable {

    static final String HARNESS = "bench-harness";
    static final String APPLICATION = "unifiedcrm";
    static final String SETTINGS = "embedded (zonky) 17, fsync on, synchronous_commit off (zonky's default, as in "
            + "the standalone application), max_connections=200, otherwise defaults";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private BenchDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** @param serverConfig further {@code postgresql.conf} settings (e.g. {@code shared_preload_libraries}) */
    static BenchDatabase start(Path work, Map<String, String> serverConfig) throws Exception {
        Path data = work.resolve("postgres");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                // as the standalone application runs it: durable commits (zonky's default is fsync off)
                .setServerConfig("fsync", "on");
        serverConfig.forEach(builder::setServerConfig);
        return new BenchDatabase(builder.start(), data);
    }

    void create(String database) throws Exception {
        execute(postgres.getPostgresDatabase(), "CREATE DATABASE " + database);
    }

    void drop(String database) throws Exception {
        execute(postgres.getPostgresDatabase(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** The harness's connections to {@code database}. */
    DataSource harness(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(postgres.getJdbcUrl("postgres", database));
        source.setApplicationName(HARNESS);
        return source;
    }

    /** The URL the application connects with. */
    String applicationUrl(String database) {
        String url = postgres.getJdbcUrl("postgres", database);
        return url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION;
    }

    int port() {
        return postgres.getPort();
    }

    /** The postmaster's process id, from {@code postmaster.pid} in the data directory. */
    long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    static void execute(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String queryText(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
