package io.unifiedcrm.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * What PostgreSQL did for the application: transactions and rows ({@code pg_stat_database}), WAL writes and flushes
 * ({@code pg_stat_wal}), and every statement with its calls and time ({@code pg_stat_statements}, which the server
 * must preload). The harness's own statements carry the comment {@code bench} and are left out.
 */
final class PostgresActivity {

    private final DataSource harness;
    private final String database;

    PostgresActivity(DataSource harness, String database) {
        this.harness = harness;
        this.database = database;
    }

    record Counters(long commits, long rollbacks, long inserted, long updated, long deleted, long walRecords,
                    long walBytes, long walWrites, long walSyncs) {

        Counters minus(Counters start) {
            return new Counters(commits - start.commits, rollbacks - start.rollbacks, inserted - start.inserted,
                    updated - start.updated, deleted - start.deleted, walRecords - start.walRecords,
                    walBytes - start.walBytes, walWrites - start.walWrites, walSyncs - start.walSyncs);
        }
    }

    /** One normalised statement: {@code calls} executions, {@code millis} in total. */
    record StatementCalls(String query, long calls, double millis, long rows) {

        /** Its verb and first table, e.g. {@code INSERT identity.person}, {@code SAVEPOINT}. */
        String kind() {
            String text = query.strip().replaceAll("\\s+", " ");
            String verb = text.split(" ")[0].toUpperCase(Locale.ROOT);
            Matcher table = TABLE.matcher(text);
            return switch (verb) {
                case "SELECT", "INSERT", "UPDATE", "DELETE", "WITH" -> table.find() ? verb + " " + table.group(1)
                        : verb;
                default -> verb;
            };
        }
    }

    private static final Pattern TABLE = Pattern.compile(
            "(?i)\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*|[a-z_][a-z0-9_]*)");

    void installStatements() throws Exception {
        BenchDatabase.execute(harness, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    void resetStatements() throws Exception {
        BenchDatabase.execute(harness, "/* bench */ SELECT pg_stat_statements_reset()");
    }

    Counters counters() throws Exception {
        try (Connection connection = harness.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("/* bench */ SELECT d.xact_commit, d.xact_rollback, "
                     + "d.tup_inserted, d.tup_updated, d.tup_deleted, w.wal_records, w.wal_bytes, w.wal_write, "
                     + "w.wal_sync FROM pg_stat_database d, pg_stat_wal w WHERE d.datname = '" + database + "'")) {
            row.next();
            return new Counters(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                    row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9));
        }
    }

    /** The statements since the last reset, but for the harness's, most calls first. */
    List<StatementCalls> statements() throws Exception {
        List<StatementCalls> statements = new ArrayList<>();
        try (Connection connection = harness.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("/* bench */ SELECT s.query, s.calls, s.total_exec_time, "
                     + "s.rows FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
                     + "WHERE d.datname = '" + database + "' AND s.query NOT LIKE '/* bench */%' "
                     + "ORDER BY s.calls DESC")) {
            while (rows.next()) {
                statements.add(new StatementCalls(rows.getString(1), rows.getLong(2), rows.getDouble(3),
                        rows.getLong(4)));
            }
        }
        return statements;
    }
}
