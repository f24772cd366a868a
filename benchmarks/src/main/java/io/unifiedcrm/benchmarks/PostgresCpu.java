package io.unifiedcrm.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * PostgreSQL's CPU by kind of process: the postmaster's children from {@code /proc}, named by
 * {@code pg_stat_activity} (backend type, and the {@code application_name} of client backends: the application's
 * and the harness's connections are named, see {@link BenchDatabase}). Processes that ended in between (autovacuum
 * workers, say) are counted through the postmaster's reaped-children time.
 */
final class PostgresCpu {

    static final String EXITED = "processes that ended meanwhile (autovacuum workers, the harness's short connections)";

    private PostgresCpu() {
    }

    record Snapshot(Map<Long, Double> seconds, Map<Long, String> kinds, double postmasterSeconds) {

        double total() {
            return postmasterSeconds + seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    static Snapshot take(long postmasterPid, DataSource harness) throws Exception {
        Map<Long, String> kinds = new HashMap<>();
        try (Connection connection = harness.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("/* bench */ SELECT pid, backend_type, application_name "
                     + "FROM pg_stat_activity")) {
            while (rows.next()) {
                String type = rows.getString(2);
                String application = rows.getString(3);
                kinds.put(rows.getLong(1), kind(type, application));
            }
        }
        Map<Long, Double> seconds = new HashMap<>();
        for (ProcessCpu.Stat child : ProcessCpu.children(postmasterPid)) {
            seconds.put(child.pid(), child.selfSeconds());
        }
        ProcessCpu.Stat postmaster = ProcessCpu.stat(postmasterPid);
        return new Snapshot(seconds, kinds, postmaster.selfSeconds() + postmaster.reapedChildrenSeconds());
    }

    private static String kind(String backendType, String applicationName) {
        if (!"client backend".equals(backendType)) {
            return "background: " + backendType;
        }
        if (BenchDatabase.APPLICATION.equals(applicationName)) {
            return "backends of the application's connections";
        }
        if (BenchDatabase.HARNESS.equals(applicationName)) {
            return "backends of the harness's connections (monitoring)";
        }
        return "other client backends";
    }

    /** CPU seconds between two snapshots by kind of process, the postmaster and ended processes included. */
    static Map<String, Double> between(Snapshot start, Snapshot end) {
        Map<String, Double> byKind = new TreeMap<>();
        double living = 0;
        for (Map.Entry<Long, Double> process : end.seconds().entrySet()) {
            double delta = process.getValue() - start.seconds().getOrDefault(process.getKey(), 0.0);
            String kind = end.kinds().getOrDefault(process.getKey(),
                    start.kinds().getOrDefault(process.getKey(), "other postgres processes"));
            byKind.merge(kind, delta, Double::sum);
            living += delta;
        }
        byKind.merge(EXITED + " and the postmaster", end.total() - start.total() - living, Double::sum);
        return byKind;
    }
}
