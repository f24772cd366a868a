package io.unifiedcrm.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What each read model costs (issue 16, scope 10): M1 (person creations over HTTP, 8 clients) and M4 (replay of every
 * projection at once of a smaller store) with every projection, then with each processing group left out in turn
 * ({@code --unifiedcrm.projections.disabled=<group>}), each variant on a fresh application and a fresh database of
 * the same embedded PostgreSQL; "all" runs first and last, so the table shows the run-to-run spread too.
 * <p>
 * Usage: {@code BenchmarkHarness --projection-costs <standalone jar> <output directory> [summary markdown]}. Settings
 * (environment): {@code BENCH_COST_M1_SECONDS} (20), {@code BENCH_COST_EVENTS} (200000), {@code BENCH_COST_GROUPS}
 * (comma-separated groups to leave out; default every processor the application shows).
 */
final class ProjectionCosts {

    static final String SECTION = "projection-costs";
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration REPLAY_LIMIT = Duration.ofMinutes(15);

    private ProjectionCosts() {
    }

    /** One variant's figures; {@code leftOut} null for every projection. */
    /**
     * @param m1CpuMillisPerCreation CPU of the application and PostgreSQL per successful creation, from the start of
     *                               M1 until every projection had caught up: {application, PostgreSQL}
     * @param m4CpuMicrosPerEvent    CPU of both per event of the store, over the replay: {application, PostgreSQL}
     */
    record Variant(String label, String leftOut, List<String> processors, double m1PerSecond, long m1Failures,
                   double[] m1CpuMillisPerCreation, double caughtUpSeconds, double m4EventsPerSecond, long m4Events,
                   boolean m4Completed, double[] m4CpuMicrosPerEvent, double rssMiB, String loadBefore,
                   String loadAfter) {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        Path summary = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
        Duration m1 = Duration.ofSeconds(Long.parseLong(env("BENCH_COST_M1_SECONDS", "20")));
        long events = Long.parseLong(env("BENCH_COST_EVENTS", "200000"));
        Path work = Files.createTempDirectory("unifiedcrm-costs-");
        Map<String, Object> machine = Machine.describe();
        Instant began = Instant.now();
        List<Variant> variants = new ArrayList<>();
        try (BenchDatabase postgres = BenchDatabase.start(work, Map.of())) {
            Variant all = run(postgres, jar, work, 0, null, m1, events);
            variants.add(all);
            List<String> groups = System.getenv("BENCH_COST_GROUPS") == null ? all.processors()
                    : List.of(System.getenv("BENCH_COST_GROUPS").split(","));
            Files.createDirectories(output);
            int index = 1;
            for (String group : groups) {
                runAndKeep(variants, postgres, jar, work, index++, group.strip(), m1, events, output);
            }
            runAndKeep(variants, postgres, jar, work, index, null, m1, events, output);
        }
        String table = CostTable.markdown(variants, machine, m1, events,
                Duration.between(began, Instant.now()));
        Files.createDirectories(output);
        Files.writeString(output.resolve("projection-costs.md"), table);
        if (summary != null) {
            MarkedSection.replace(summary, SECTION, table);
        }
        System.out.println(table);
    }

    private static Variant run(BenchDatabase postgres, Path jar, Path work, int index, String leftOut, Duration m1,
                               long events) throws Exception {
        String label = leftOut == null ? "all" : "without " + leftOut;
        String database = "costs_" + index;
        postgres.create(database);
        String loadBefore = Machine.loadAverage();
        List<String> arguments = leftOut == null ? List.of()
                : List.of("--unifiedcrm.projections.disabled=" + leftOut);
        BenchmarkHarness.log("projection costs: %s (load average %s)", label, loadBefore);
        try (ApplicationProcess application = ApplicationProcess.start(jar, postgres.applicationUrl(database),
                BenchmarkHarness.ADMIN_KEY, work, "costs-" + index, List.of(), arguments)) {
            Http http = new Http(application.baseUrl());
            JsonNode organization = http.json("POST", "/api/v1/organizations", BenchmarkHarness.ADMIN_KEY,
                    "{\"name\":\"Cost GmbH\",\"baseCurrency\":\"EUR\"}");
            DataSource harness = postgres.harness(database);
            CommandLoad load = new CommandLoad(http, organization.get("apiKey").asText(), harness);
            load.creations(BenchmarkHarness.CLIENTS, WARM_UP);
            CatchUp.await(http, BenchmarkHarness.ADMIN_KEY, Duration.ofMinutes(5));
            List<String> processors = new ArrayList<>();
            http.json("GET", "/api/v1/admin/projections?limit=200", BenchmarkHarness.ADMIN_KEY, null).get("items")
                    .forEach(item -> processors.add(item.get("name").asText()));

            CpuMeter m1Cpu = CpuMeter.start(application.pid(), postgres.postmasterPid());
            CommandLoad.Throughput creations = load.creations(BenchmarkHarness.CLIENTS, m1);
            Duration caughtUp = CatchUp.await(http, BenchmarkHarness.ADMIN_KEY, Duration.ofMinutes(5));
            double[] m1Seconds = m1Cpu.seconds();
            BenchmarkHarness.log("%s: M1 %.0f creations/s, caught up %.2f s after", label, creations.perSecond(),
                    CatchUp.seconds(caughtUp));

            ReplayBenchmark replay = new ReplayBenchmark(harness, http, BenchmarkHarness.ADMIN_KEY);
            replay.fillEventStore(events, UUID.fromString(organization.get("id").asText()));
            CpuMeter m4Cpu = CpuMeter.start(application.pid(), postgres.postmasterPid());
            ReplayBenchmark.Result m4 = replay.replayAll(REPLAY_LIMIT, () -> "");
            double[] m4Seconds = m4Cpu.seconds();
            BenchmarkHarness.log("%s: M4 %.0f events/s (%s)", label, m4.eventsPerSecond(),
                    m4.completed() ? "complete" : "timed out");
            double created = Math.max(1, creations.succeeded());
            return new Variant(label, leftOut, processors, creations.perSecond(), creations.failures(),
                    new double[] {1000 * m1Seconds[0] / created, 1000 * m1Seconds[1] / created},
                    CatchUp.seconds(caughtUp), m4.eventsPerSecond(), m4.events(), m4.completed(),
                    new double[] {1e6 * m4Seconds[0] / Math.max(1, m4.replayed()),
                            1e6 * m4Seconds[1] / Math.max(1, m4.replayed())},
                    application.peakRssBytes() / 1024.0 / 1024.0, loadBefore, Machine.loadAverage());
        } finally {
            postgres.drop(database);
        }
    }

    /** Runs a variant and keeps it; a variant that fails (on a busy machine, say) is logged and left out. */
    private static void runAndKeep(List<Variant> variants, BenchDatabase postgres, Path jar, Path work, int index,
                                   String leftOut, Duration m1, long events, Path output) throws Exception {
        try {
            variants.add(run(postgres, jar, work, index, leftOut, m1, events));
        } catch (RuntimeException failed) {
            BenchmarkHarness.log("variant %s failed, left out of the table: %s", leftOut == null ? "all" : leftOut,
                    failed);
        }
        keep(variants, output);
    }

    /** Every variant measured so far, as JSON: nothing is lost if a later variant fails. */
    private static void keep(List<Variant> variants, Path output) throws Exception {
        Http.JSON.writerWithDefaultPrettyPrinter().writeValue(output.resolve("projection-costs.json").toFile(),
                variants);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
