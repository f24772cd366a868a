package io.unifiedcrm.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where the time of a person creation goes (issue 16, scope 1): the application under 8 HTTP clients creating persons
 * for {@code BENCH_PROFILE_SECONDS} (60) after a 30 s warm-up, on PostgreSQL with {@code pg_stat_statements}. The
 * measured window runs from the first creation until every projection has caught up with the last, so it holds all
 * the work the creations cause. Measured in it: statements per creation ({@code pg_stat_statements}), transactions,
 * rows and WAL flushes ({@code pg_stat_database}, {@code pg_stat_wal}), the JVM's CPU by thread group ({@code jcmd
 * Thread.print}) and by activity (JFR execution samples, {@link StackActivity}), PostgreSQL's CPU by kind of process
 * ({@code /proc}), and the machine's. Then a second, shorter window (15 s) counts the JDBC round trips per creation
 * by thread group (JFR socket writes to PostgreSQL; kept apart because recording every write costs CPU).
 * <p>
 * Usage: {@code BenchmarkHarness --profile <standalone jar> <output directory> [summary markdown]}.
 */
final class ProfileRun {

    static final String SECTION = "profile";
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private static final Duration ROUND_TRIP_WINDOW = Duration.ofSeconds(15);
    private static final List<String> PROFILING_JVM_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:+DebugNonSafepoints", "-XX:FlightRecorderOptions:stackdepth=512");

    private ProfileRun() {
    }

    /** Everything measured in the window, for {@link ProfileReport}. */
    record Profile(Map<String, Object> machine, double windowSeconds, long persons, double personsPerSecond,
                   double caughtUpSeconds, String loadBefore, String loadAfter,
                   double machineBusySeconds, double machineCapacitySeconds, double applicationSeconds, double postgresSeconds,
                   double harnessSeconds, Map<String, Double> threadMillis,
                   Map<String, Double> postgresByKind, PostgresActivity.Counters counters,
                   List<PostgresActivity.StatementCalls> statements, JfrRecording.Samples samples,
                   long roundTripPersons, Map<String, Long> roundTrips, double rssMiB) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        Path summary = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
        Duration window = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_PROFILE_SECONDS",
                "60")));
        Path work = Files.createTempDirectory("unifiedcrm-profile-");
        Map<String, Object> machine = Machine.describe();
        Profile profile;
        try (BenchDatabase postgres = BenchDatabase.start(work, Map.of(
                "shared_preload_libraries", "pg_stat_statements",
                "pg_stat_statements.track", "top",
                "pg_stat_statements.max", "5000"))) {
            postgres.create("unifiedcrm");
            DataSource harness = postgres.harness("unifiedcrm");
            PostgresActivity activity = new PostgresActivity(harness, "unifiedcrm");
            activity.installStatements();
            try (ApplicationProcess application = ApplicationProcess.start(jar,
                    postgres.applicationUrl("unifiedcrm"), BenchmarkHarness.ADMIN_KEY, work, "profile",
                    PROFILING_JVM_OPTIONS, List.of())) {
                profile = measure(postgres, harness, activity, application, machine, window, work);
            }
        }
        String report = ProfileReport.markdown(profile);
        Files.createDirectories(output);
        Files.writeString(output.resolve("profile-report.md"), report);
        if (summary != null) {
            MarkedSection.replace(summary, SECTION, report);
        }
        System.out.println(report);
    }

    private static Profile measure(BenchDatabase postgres, DataSource harness, PostgresActivity activity,
                                   ApplicationProcess application, Map<String, Object> machine, Duration window,
                                   Path work) throws Exception {
        Http http = new Http(application.baseUrl());
        JsonNode organization = http.json("POST", "/api/v1/organizations", BenchmarkHarness.ADMIN_KEY,
                "{\"name\":\"Profile GmbH\",\"baseCurrency\":\"EUR\"}");
        CommandLoad load = new CommandLoad(http, organization.get("apiKey").asText(), harness);
        BenchmarkHarness.log("profile: warm-up, %d s of person creations", WARM_UP.toSeconds());
        load.creations(BenchmarkHarness.CLIENTS, WARM_UP);
        CatchUp.await(http, BenchmarkHarness.ADMIN_KEY, Duration.ofMinutes(5));
        long postmaster = postgres.postmasterPid();
        long self = ProcessHandle.current().pid();
        Path cpuRecording = work.resolve("cpu.jfr");
        Path cpuSettings = JfrRecording.settings(work, "cpu", JfrRecording.CPU_SETTINGS);

        String loadBefore = Machine.loadAverage();
        PostgresActivity.Counters countersBefore = activity.counters();
        activity.resetStatements();
        PostgresCpu.Snapshot postgresBefore = PostgresCpu.take(postmaster, harness);
        double applicationBefore = ProcessCpu.stat(application.pid()).selfSeconds(); // encloses the thread dumps
        Map<String, ThreadCpu.Thread> threadsBefore = ThreadCpu.parse(application.jcmd("Thread.print"));
        double harnessBefore = ProcessCpu.stat(self).selfSeconds();
        double[] machineBefore = ProcessCpu.machine();
        application.jcmd("JFR.start", "name=cpu", "settings=" + cpuSettings, "filename=" + cpuRecording);
        long started = System.nanoTime();

        BenchmarkHarness.log("profile: %d s of person creations, 8 clients", window.toSeconds());
        CommandLoad.Throughput creations = load.creations(BenchmarkHarness.CLIENTS, window);
        Duration caughtUp = CatchUp.await(http, BenchmarkHarness.ADMIN_KEY, Duration.ofMinutes(5));

        double windowSeconds = (System.nanoTime() - started) / 1e9;
        double[] machineAfter = ProcessCpu.machine();
        double harnessAfter = ProcessCpu.stat(self).selfSeconds();
        Map<String, ThreadCpu.Thread> threadsAfter = ThreadCpu.parse(application.jcmd("Thread.print"));
        double applicationAfter = ProcessCpu.stat(application.pid()).selfSeconds();
        PostgresCpu.Snapshot postgresAfter = PostgresCpu.take(postmaster, harness);
        List<PostgresActivity.StatementCalls> statements = activity.statements();
        PostgresActivity.Counters counters = activity.counters().minus(countersBefore);
        String loadAfter = Machine.loadAverage();
        application.jcmd("JFR.stop", "name=cpu");
        BenchmarkHarness.log("profile: %d creations in %.1f s (caught up %.2f s after the last)",
                creations.succeeded(), windowSeconds, CatchUp.seconds(caughtUp));

        Path roundTripRecording = work.resolve("round-trips.jfr");
        Path roundTripSettings = JfrRecording.settings(work, "round-trips", JfrRecording.ROUND_TRIP_SETTINGS);
        application.jcmd("JFR.start", "name=round-trips", "settings=" + roundTripSettings,
                "filename=" + roundTripRecording);
        CommandLoad.Throughput roundTripCreations = load.creations(BenchmarkHarness.CLIENTS, ROUND_TRIP_WINDOW);
        CatchUp.await(http, BenchmarkHarness.ADMIN_KEY, Duration.ofMinutes(5));
        application.jcmd("JFR.stop", "name=round-trips");

        Map<String, Double> postgresByKind = PostgresCpu.between(postgresBefore, postgresAfter);
        return new Profile(machine, windowSeconds, creations.succeeded(), creations.perSecond(),
                CatchUp.seconds(caughtUp), loadBefore, loadAfter, machineAfter[0] - machineBefore[0],
                machineAfter[1] - machineBefore[1],
                applicationAfter - applicationBefore, postgresAfter.total() - postgresBefore.total(),
                harnessAfter - harnessBefore, ThreadCpu.between(threadsBefore, threadsAfter), postgresByKind, counters, statements,
                JfrRecording.samples(cpuRecording), roundTripCreations.succeeded(),
                JfrRecording.writesTo(roundTripRecording, postgres.port()),
                application.peakRssBytes() / 1024.0 / 1024.0);
    }
}
