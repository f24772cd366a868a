package io.unifiedcrm.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Raw PostgreSQL on the same database in the same run: what the machine can do without the product. The rows have
 * the event table's shape, indexes and payload sizes.
 */
final class Baselines {

    private final DataSource database;
    private final byte[] payload;
    private final byte[] metaData;

    Baselines(DataSource database, byte[] payload, byte[] metaData) {
        this.database = database;
        this.payload = payload;
        this.metaData = metaData;
    }

    void createTable() throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench");
            statement.execute("DROP TABLE IF EXISTS bench.raw_event");
            statement.execute("""
                    CREATE TABLE bench.raw_event (
                        global_index BIGSERIAL PRIMARY KEY, aggregate_identifier VARCHAR(255) NOT NULL,
                        sequence_number BIGINT NOT NULL, type VARCHAR(255), event_identifier VARCHAR(255) NOT NULL,
                        meta_data BYTEA, payload BYTEA NOT NULL, payload_revision VARCHAR(255),
                        payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL,
                        UNIQUE (aggregate_identifier, sequence_number), UNIQUE (event_identifier))""");
        }
    }

    /** B1: single-row INSERT, each committed, from {@code clients} connections; rows per second. */
    double singleRowInserts(int clients, Duration duration) throws Exception {
        return concurrently(clients, duration, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(insertSql(1))) {
                bind(insert, 0);
                insert.executeUpdate();
            }
            return 1;
        });
    }

    /** B2: INSERTs of {@code rowsPerStatement} rows, each committed, from {@code clients} connections; rows/s. */
    double batchedInserts(int clients, int rowsPerStatement, Duration duration) throws Exception {
        return concurrently(clients, duration, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(insertSql(rowsPerStatement))) {
                for (int row = 0; row < rowsPerStatement; row++) {
                    bind(insert, row * 9);
                }
                insert.executeUpdate();
            }
            return rowsPerStatement;
        });
    }

    /** B3: a keyset scan of the whole event table, 1,000 rows a query, reading every column; rows per second. */
    static double keysetScan(DataSource database) throws Exception {
        long rows = 0;
        long started = System.nanoTime();
        try (Connection connection = database.getConnection();
             PreparedStatement page = connection.prepareStatement("""
                     SELECT global_index, aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                            payload, payload_revision, payload_type, time_stamp
                     FROM axon.domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1000""")) {
            long last = -1;
            while (true) {
                page.setLong(1, last);
                int inPage = 0;
                try (ResultSet result = page.executeQuery()) {
                    while (result.next()) {
                        last = result.getLong(1);
                        result.getBytes(6);
                        result.getBytes(7);
                        inPage++;
                    }
                }
                rows += inPage;
                if (inPage < 1000) {
                    break;
                }
            }
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private static String insertSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO bench.raw_event (aggregate_identifier, sequence_number, "
                + "type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) VALUES ");
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private void bind(PreparedStatement insert, int offset) throws Exception {
        String id = UUID.randomUUID().toString();
        insert.setString(offset + 1, id);
        insert.setLong(offset + 2, 0);
        insert.setString(offset + 3, "Person");
        insert.setString(offset + 4, UUID.randomUUID().toString());
        insert.setBytes(offset + 5, metaData);
        insert.setBytes(offset + 6, payload);
        insert.setString(offset + 7, "1");
        insert.setString(offset + 8, "io.unifiedcrm.identity.person.api.PersonCreatedEvent");
        insert.setString(offset + 9, java.time.Instant.now().toString());
    }

    private interface Work {
        int run(Connection connection) throws Exception;
    }

    private double concurrently(int clients, Duration duration, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<Long>> counts = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            counts.add(pool.submit(() -> {
                long rows = 0;
                try (Connection connection = database.getConnection()) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < deadline) {
                        rows += work.run(connection);
                    }
                }
                return rows;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - started) / 1e9);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
