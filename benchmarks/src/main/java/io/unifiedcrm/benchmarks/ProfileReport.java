package io.unifiedcrm.benchmarks;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The profile of person creations as Markdown tables, everything also per created person. */
final class ProfileReport {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private ProfileReport() {
    }

    static String markdown(ProfileRun.Profile p) {
        double persons = Math.max(1, p.persons());
        StringBuilder md = new StringBuilder("## Latest profile of person creations (`bench/profile.sh`)\n\n");
        md.append(String.format(Locale.ROOT, "One run of `bench/profile.sh`: 8 HTTP clients creating persons "
                        + "(POST /api/v1/persons) after a 30 s warm-up; the window runs from the first creation until "
                        + "every projection had caught up with the last (%.2f s after it): %.1f s, %,d persons, "
                        + "%,.0f creations/s while sending. Load average (1 / 5 / 15 min) before → after: %s → %s. "
                        + "Peak RSS of the application: %.0f MiB.%n%n", p.caughtUpSeconds(), p.windowSeconds(),
                p.persons(), p.personsPerSecond(), p.loadBefore(), p.loadAfter(), p.rssMiB()));

        md.append("### Per created person\n\n| what | per person | in the window |\n|---|---|---|\n");
        PostgresActivity.Counters c = p.counters();
        long calls = p.statements().stream().mapToLong(PostgresActivity.StatementCalls::calls).sum();
        long roundTrips = p.roundTrips().values().stream().mapToLong(Long::longValue).sum();
        row(md, "transactions committed (`pg_stat_database.xact_commit`)", c.commits() / persons, c.commits());
        row(md, "transactions rolled back", c.rollbacks() / persons, c.rollbacks());
        row(md, "statements executed (`pg_stat_statements` calls, BEGIN/COMMIT/SAVEPOINT included)",
                calls / persons, calls);
        md.append(String.format(Locale.ROOT, "| JDBC requests ≈ round trips (JFR socket writes to PostgreSQL, "
                        + "own %,d-person window) | %.1f | %,d |%n", p.roundTripPersons(),
                roundTrips / (double) Math.max(1, p.roundTripPersons()), roundTrips));
        row(md, "rows inserted", c.inserted() / persons, c.inserted());
        row(md, "rows updated", c.updated() / persons, c.updated());
        row(md, "rows deleted", c.deleted() / persons, c.deleted());
        row(md, "WAL records", c.walRecords() / persons, c.walRecords());
        row(md, "WAL bytes", c.walBytes() / persons, c.walBytes());
        row(md, "WAL flushes (`pg_stat_wal.wal_sync`)", c.walSyncs() / persons, c.walSyncs());
        row(md, "CPU of the application JVM, ms", 1000 * p.applicationSeconds() / persons,
                p.applicationSeconds());
        row(md, "CPU of PostgreSQL, ms", 1000 * p.postgresSeconds() / persons, p.postgresSeconds());

        double capacity = p.machineCapacitySeconds();
        md.append(String.format(Locale.ROOT, "%n### CPU in the window (%d cores × %.1f s = %.1f CPU-s, from the "
                        + "first snapshot to the last)%n%n", CORES, capacity / CORES, capacity));
        md.append("| who | CPU-s | share of the machine | ms per person |\n|---|---|---|---|\n");
        cpuRow(md, "**application JVM**", p.applicationSeconds(), capacity, persons);
        double threads = 0;
        for (Map.Entry<String, Double> group : sortedByValue(p.threadMillis())) {
            cpuRow(md, "&nbsp;&nbsp;" + group.getKey(), group.getValue() / 1000, capacity, persons);
            threads += group.getValue() / 1000;
        }
        cpuRow(md, "&nbsp;&nbsp;threads that ended in the window, and rounding", p.applicationSeconds() - threads,
                capacity, persons);
        cpuRow(md, "**PostgreSQL**", p.postgresSeconds(), capacity, persons);
        for (Map.Entry<String, Double> kind : sortedByValue(p.postgresByKind())) {
            cpuRow(md, "&nbsp;&nbsp;" + kind.getKey(), kind.getValue(), capacity, persons);
        }
        cpuRow(md, "**harness** (load generator, status polls)", p.harnessSeconds(), capacity, persons);
        double others = p.machineBusySeconds() - p.applicationSeconds() - p.postgresSeconds() - p.harnessSeconds();
        cpuRow(md, "**other processes** (the machine is shared: other builds)", others, capacity, persons);
        cpuRow(md, "**idle**", capacity - p.machineBusySeconds(), capacity, persons);

        JfrRecording.Samples s = p.samples();
        md.append(String.format(Locale.ROOT, "%n### Application CPU by activity (%,d JFR execution samples of "
                + "Java threads, every 10 ms; %,d collections, %.0f ms of GC pauses)%n%n", s.total(),
                s.garbageCollections(), s.gcPauseMillis()));
        md.append("ms per person: the CPU of each thread group (table above) apportioned to the activities by that "
                + "group's samples, so that the rows add up to the measured CPU of the sampled groups; GC and JIT "
                + "run on VM threads, which are not sampled (table above).\n\n");
        md.append("| activity | share of samples | ms per person | on threads |\n|---|---|---|---|\n");
        Map<String, Long> samplesPerGroup = new TreeMap<>();
        s.byActivityAndThreads().values().forEach(groups -> groups.forEach((group, count) ->
                samplesPerGroup.merge(group, count, Long::sum)));
        for (Map.Entry<String, Long> activity : sortedByValue(s.byActivity())) {
            double share = activity.getValue() / (double) Math.max(1, s.total());
            double millis = 0;
            for (Map.Entry<String, Long> group : s.byActivityAndThreads().get(activity.getKey()).entrySet()) {
                millis += p.threadMillis().getOrDefault(group.getKey(), 0.0) * group.getValue()
                        / samplesPerGroup.get(group.getKey());
            }
            md.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.2f | %s |%n", activity.getKey(), 100 * share,
                    millis / persons, threadShares(s.byActivityAndThreads().get(activity.getKey()),
                            activity.getValue())));
        }

        md.append("\n### JDBC requests (≈ round trips: socket writes to PostgreSQL) per person by thread group\n\n"
                + "| threads | requests per person |\n"
                + "|---|---|\n");
        for (Map.Entry<String, Long> group : sortedByValue(p.roundTrips())) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", group.getKey(),
                    group.getValue() / (double) Math.max(1, p.roundTripPersons())));
        }

        double totalMillis = p.statements().stream().mapToDouble(PostgresActivity.StatementCalls::millis).sum();
        md.append("\n### Statements by kind (verb and first table)\n\n| kind | calls per person | mean µs "
                + "| share of execution time |\n|---|---|---|---|\n");
        Map<String, double[]> kinds = new TreeMap<>();
        for (PostgresActivity.StatementCalls statement : p.statements()) {
            double[] sums = kinds.computeIfAbsent(statement.kind(), key -> new double[2]);
            sums[0] += statement.calls();
            sums[1] += statement.millis();
        }
        kinds.entrySet().stream().sorted(Comparator.comparingDouble(entry -> -entry.getValue()[0]))
                .forEach(kind -> md.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %.1f %% |%n",
                        kind.getKey(), kind.getValue()[0] / persons, 1000 * kind.getValue()[1]
                                / Math.max(1, kind.getValue()[0]), 100 * kind.getValue()[1] / totalMillis)));

        md.append("\n### Top statements by execution time\n\n| statement | calls per person | mean µs | share of "
                + "execution time |\n|---|---|---|---|\n");
        p.statements().stream().sorted(Comparator.comparingDouble(statement -> -statement.millis())).limit(15)
                .forEach(statement -> md.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.0f | %.1f %% |%n",
                        shorten(statement.query()), statement.calls() / persons,
                        1000 * statement.millis() / Math.max(1, statement.calls()),
                        100 * statement.millis() / totalMillis)));

        md.append("\n### Innermost packages of the larger activities (≥ 5 % of the samples)\n\n| activity | innermost "
                + "packages (share of the activity's samples) |\n|---|---|\n");
        for (Map.Entry<String, Long> activity : sortedByValue(s.byActivity())) {
            if (activity.getValue() >= 0.05 * s.total()) {
                md.append("| ").append(activity.getKey()).append(" | ").append(sortedByValue(
                                s.byActivityAndInnermostPackage().get(activity.getKey())).stream().limit(5)
                        .map(entry -> String.format(Locale.ROOT, "`%s` %.0f %%", entry.getKey(),
                                100.0 * entry.getValue() / activity.getValue())).collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
        }
        md.append("\n### Innermost packages of the samples\n\n| package | share of samples |\n|---|---|\n");
        sortedByValue(s.byInnermostPackage()).stream().limit(12).forEach(entry -> md.append(String.format(
                Locale.ROOT, "| `%s` | %.1f %% |%n", entry.getKey(), 100.0 * entry.getValue() / s.total())));
        md.append("\n### Samples of the processors' framework code and of other threads, by innermost frame\n\n"
                + "| thread: frame | share of samples |\n|---|---|\n");
        sortedByValue(s.otherByInnermostFrame()).stream().limit(12).forEach(entry -> md.append(String.format(
                Locale.ROOT, "| `%s` | %.1f %% |%n", entry.getKey(), 100.0 * entry.getValue() / s.total())));
        md.append('\n');
        p.machine().forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        return md.toString();
    }

    private static void row(StringBuilder md, String what, double perPerson, double total) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", what, perPerson >= 100
                ? String.format(Locale.ROOT, "%,.0f", perPerson) : String.format(Locale.ROOT, "%.2f", perPerson),
                total == Math.rint(total) ? String.format(Locale.ROOT, "%,.0f", total)
                        : String.format(Locale.ROOT, "%,.1f", total)));
    }

    private static void cpuRow(StringBuilder md, String who, double seconds, double capacity, double persons) {
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f %% | %.2f |%n", who, seconds,
                100 * seconds / capacity, 1000 * seconds / persons));
    }

    private static <V extends Comparable<V>> List<Map.Entry<String, V>> sortedByValue(Map<String, V> map) {
        return map.entrySet().stream().sorted(Map.Entry.<String, V>comparingByValue().reversed()).toList();
    }

    private static String threadShares(Map<String, Long> threads, long total) {
        if (threads == null) {
            return "";
        }
        return sortedByValue(threads).stream().filter(entry -> entry.getValue() >= 0.1 * total).limit(3)
                .map(entry -> String.format(Locale.ROOT, "%s %.0f %%", entry.getKey().replaceAll(" \\(.*", ""),
                        100.0 * entry.getValue() / total)).collect(Collectors.joining(", "));
    }

    private static String shorten(String query) {
        String text = query.strip().replaceAll("\\s+", " ").replace("|", "\\|").replace("`", "'");
        return text.length() > 140 ? text.substring(0, 137) + "..." : text;
    }
}
