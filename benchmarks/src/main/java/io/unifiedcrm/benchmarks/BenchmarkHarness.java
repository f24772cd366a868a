package io.unifiedcrm.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Runs the whole benchmark in one go: raw-PostgreSQL baselines (B1–B3) and the product's figures (M1–M8,
 * memory) on a fresh embedded PostgreSQL 17, then writes the report.
 * <p>
 * Usage: {@code BenchmarkHarness [--projection-costs | --profile] <standalone jar> <output directory> [summary
 * markdown]}; the two options run {@link ProjectionCosts} and {@link ProfileRun} instead.
 */
public final class BenchmarkHarness {

    static final String ADMIN_KEY = "benchmark-admin-key-0123456789";
    static final int CLIENTS = 8;
    private static final Duration BASELINE_DURATION = Duration.ofSeconds(10);
    /** M1 (person creations) is also the burst after which every projection must catch up within a second. */
    static final Duration M1_DURATION = Duration.ofSeconds(20);
    private static final Duration M1_MIX_DURATION = Duration.ofSeconds(30);
    private static final Duration M2_DURATION = Duration.ofSeconds(30);
    private static final double QUERIES_PER_SECOND = 40;
    private static final long REPLAY_EVENTS = 1_000_000;
    private static final Duration REPLAY_LIMIT = Duration.ofMinutes(8);
    private static final int RECORDS = 100_000;
    private static final int RECORD_QUERIES = 500;
    private static final int SEARCH_PERSONS = 100_000;
    private static final int SEARCH_QUERIES = 300;

    private BenchmarkHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--projection-costs")) {
            ProjectionCosts.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--profile")) {
            ProfileRun.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        Path summary = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
        Path work = Files.createTempDirectory("unifiedcrm-bench-");
        Report report = new Report();
        describeMachine(report);
        Instant began = Instant.now();

        try (BenchDatabase postgres = BenchDatabase.start(work, java.util.Map.of())) {
            postgres.create("unifiedcrm");
            DataSource database = postgres.harness("unifiedcrm");
            report.machine("PostgreSQL", BenchDatabase.queryText(database, "SELECT version()"));
            report.setting("PostgreSQL", BenchDatabase.SETTINGS);

            try (ApplicationProcess application = ApplicationProcess.start(jar,
                    postgres.applicationUrl("unifiedcrm"), ADMIN_KEY, work)) {
                report.setting("application JVM options", String.join(" ", ApplicationProcess.JVM_OPTIONS));
                report.setting("application", "standalone jar, rate limits off, otherwise default settings");
                Http http = new Http(application.baseUrl());
                var organization = http.json("POST", "/api/v1/organizations", ADMIN_KEY,
                        "{\"name\":\"Benchmark GmbH\",\"baseCurrency\":\"EUR\"}");
                String apiKey = organization.get("apiKey").asText();
                UUID organizationId = UUID.fromString(organization.get("id").asText());

                String samplePayload = "{\"personId\":\"" + UUID.randomUUID() + "\",\"organizationId\":\""
                        + organizationId + "\",\"email\":\"bench-1-1@load.example\",\"firstName\":\"Bench\","
                        + "\"lastName\":\"Person1\",\"phone\":null,\"source\":\"api\"}";
                String sampleMetaData = "{\"organizationId\":\"" + organizationId + "\",\"actor\":\"apiKey:"
                        + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID()
                        + "\",\"causationId\":\"" + UUID.randomUUID() + "\"}";
                Baselines baselines = new Baselines(database, Baselines.utf8(samplePayload),
                        Baselines.utf8(sampleMetaData));
                baselines.createTable();
                double b1 = baselines.singleRowInserts(CLIENTS, BASELINE_DURATION);
                double b2 = baselines.batchedInserts(CLIENTS, 100, BASELINE_DURATION);
                log("B1 %.0f rows/s, B2 %.0f rows/s", b1, b2);

                CommandLoad load = new CommandLoad(http, apiKey, database);
                load.createProducts();
                load.readDealStages();
                load.createHotSet(CLIENTS);
                CommandLoad.Throughput m1 = load.creations(CLIENTS, M1_DURATION);
                Duration caughtUp = CatchUp.await(http, ADMIN_KEY, Duration.ofMinutes(5));
                log("M1 %.0f person creations/s (%d failed); every projection caught up %.2f s after", m1.perSecond(),
                        m1.failures(), CatchUp.seconds(caughtUp));
                CommandLoad.Throughput m1Mix = load.closedLoop(CLIENTS, M1_MIX_DURATION);
                log("M1 mix %.0f commands/s (%d failed)", m1Mix.perSecond(), m1Mix.failures());
                CatchUp.await(http, ADMIN_KEY, Duration.ofMinutes(5));
                ReadModelDelays delaysBefore = ReadModelDelays.scrape(http);
                CommandLoad.OpenLoopResult m2 = load.openLoop(m1.perSecond() / 2, M2_DURATION, QUERIES_PER_SECOND);
                ReadModelDelays delaysAfter = ReadModelDelays.scrape(http);
                Map<String, Double> m3InApp50 = delaysAfter.percentileSince(delaysBefore, 50);
                Map<String, Double> m3InApp99 = delaysAfter.percentileSince(delaysBefore, 99);
                log("M2 at %.0f/s: p50 %.1f ms, p99 %.1f ms; M3 lag p99 %.1f ms (probes), in the application p99 "
                                + "by projection %s", m2.rate(), m2.latency().millis(50), m2.latency().millis(99),
                        m2.lag().millis(99), ReadModelDelays.describe(m3InApp99));

                RecordQueryBenchmark records = new RecordQueryBenchmark(database, http, apiKey, ADMIN_KEY);
                records.fill(RECORDS, organizationId, Duration.ofMinutes(5));
                Percentiles m6Filtered = records.time(RecordQueryBenchmark.FILTERED, RECORD_QUERIES);
                Percentiles m6Sorted = records.time(RecordQueryBenchmark.SORTED, RECORD_QUERIES);
                log("M6 filtered p99 %.1f ms, sorted p99 %.1f ms", m6Filtered.millis(99), m6Sorted.millis(99));

                SearchBenchmark search = new SearchBenchmark(database, http, apiKey, ADMIN_KEY);
                Duration m7Fill = search.fill(SEARCH_PERSONS, organizationId, Duration.ofMinutes(5));
                Percentiles m7Prefix = search.time(SearchBenchmark.prefix(), SEARCH_QUERIES);
                Percentiles m7TwoPrefixes = search.time(SearchBenchmark.twoPrefixes(), SEARCH_QUERIES);
                Percentiles m7Exact = search.time(SearchBenchmark.exactEmail(), SEARCH_QUERIES);
                Percentiles m7Typo = search.time(SearchBenchmark.typo(), SEARCH_QUERIES);
                Percentiles m8Person360 = search.timePerson360(SEARCH_QUERIES);
                Percentiles m8Hot360 = search.timeRead("/api/v1/persons/" + load.hottestPerson(), SEARCH_QUERIES);
                log("M8 person 360 p99 %.1f ms, of the hot-set's busiest person p99 %.1f ms", m8Person360.millis(99),
                        m8Hot360.millis(99));
                log("M7 fill %d s; prefix p99 %.1f ms, two prefixes p99 %.1f ms, exact p99 %.1f ms, typo p99 %.1f ms",
                        m7Fill.toSeconds(), m7Prefix.millis(99), m7TwoPrefixes.millis(99), m7Exact.millis(99),
                        m7Typo.millis(99));

                ReplayBenchmark replay = new ReplayBenchmark(database, http, ADMIN_KEY);
                log("heap after M2:%s", application.heapHistogram());
                long appended = replay.fillEventStore(REPLAY_EVENTS, organizationId);
                log("appended %d events", appended);
                double b3 = Baselines.keysetScan(database);
                log("heap after the load phases:%s", application.heapHistogram());
                ReplayBenchmark.Result m4 = replay.replayAll(REPLAY_LIMIT, application::heapHistogram);
                log("M4 %.0f events/s (%s), B3 %.0f rows/s", m4.eventsPerSecond(),
                        m4.completed() ? "complete" : "timed out", b3);

                double rssMiB = application.peakRssBytes() / 1024.0 / 1024.0;
                double heapMiB = application.peakHeapBytes() / 1024.0 / 1024.0;

                report.figure("B1", "single-row INSERT + commit, 8 connections", b1, "rows/s", "", Double.NaN, "",
                        null);
                report.figure("B2", "INSERT of 100 rows per statement, 8 connections", b2, "rows/s", "",
                        Double.NaN, "", null);
                report.figure("B3", "keyset scan of the event table, 1,000 rows a query", b3, "rows/s", "",
                        Double.NaN, "", null);
                report.figure("M1", "person creations (POST /api/v1/persons, unique e-mails), 8 HTTP clients, every "
                                + "projection live, " + M1_DURATION.toSeconds() + " s", m1.perSecond(), "commands/s",
                        "B1", b1, "≥ 1,500 and ≥ 15 % of B1",
                        m1.perSecond() >= 1500 && m1.perSecond() >= 0.15 * b1);
                report.figure("M1", "mix: command throughput, 8 HTTP clients, 20 % create / 45 % rename (Zipf) / 10 % checkout / 10 % payment / 5 % deal / 10 % stage move",
                        m1Mix.perSecond(), "commands/s", "B1", b1, "", null);
                report.figure("M2", "command latency p50 at " + Math.round(m2.rate()) + "/s (open loop, person "
                        + "creations at 50 % of M1)", m2.latency().millis(50), "ms", "", Double.NaN, "", null);
                report.figure("M2", "command latency p99", m2.latency().millis(99), "ms", "", Double.NaN,
                        "≤ 25 ms", m2.latency().millis(99) <= 25);
                report.figure("M2", "command latency p99.9", m2.latency().millis(99.9), "ms", "", Double.NaN,
                        "≤ 100 ms", m2.latency().millis(99.9) <= 100);
                report.figure("M3", "command → projection lag p50", m2.lag().millis(50), "ms", "", Double.NaN, "",
                        null);
                report.figure("M3", "command → projection lag p99", m2.lag().millis(99), "ms", "", Double.NaN,
                        "≤ 100 ms", m2.lag().millis(99) <= 100);
                report.figure("M3", "event → read model committed, measured in the application "
                                + "(unifiedcrm_projection_visible_seconds during M2), p50 of the slowest projection",
                        ReadModelDelays.slowest(m3InApp50), "ms", "", Double.NaN, "", null);
                report.figure("M3", "event → read model committed, in the application, p99 of the slowest "
                                + "projection (" + ReadModelDelays.describe(m3InApp99) + ")",
                        ReadModelDelays.slowest(m3InApp99), "ms", "",
                        Double.NaN, "≤ 100 ms",
                        m3InApp99.isEmpty() ? null : ReadModelDelays.slowest(m3InApp99) <= 100);
                report.figure("M3", "every projection caught up after the " + M1_DURATION.toSeconds() + " s burst of "
                                + "M1 (lag 0 in GET /api/v1/admin/projections)", CatchUp.seconds(caughtUp), "s", "",
                        Double.NaN, "≤ 1 s", caughtUp != null && CatchUp.seconds(caughtUp) <= 1);
                report.figure("M4", "replay of every projection from " + m4.events() + " events"
                                + (m4.completed() ? "" : " (timed out after " + Math.round(m4.seconds()) + " s)"),
                        m4.eventsPerSecond(), "events/s", "B3", b3, "≥ 10,000 (stretch 25,000)",
                        m4.eventsPerSecond() >= 10_000);
                report.figure("M5", "GET person by id under M2 load, p50", m2.getById().millis(50), "ms", "",
                        Double.NaN, "", null);
                report.figure("M5", "GET person by id under M2 load, p99", m2.getById().millis(99), "ms", "",
                        Double.NaN, "≤ 20 ms", m2.getById().millis(99) <= 20);
                report.figure("M5", "filtered list (e-mail, limit 20) under M2 load, p50",
                        m2.filteredList().millis(50), "ms", "", Double.NaN, "", null);
                report.figure("M5", "filtered list (e-mail, limit 20) under M2 load, p99",
                        m2.filteredList().millis(99), "ms", "", Double.NaN, "≤ 50 ms",
                        m2.filteredList().millis(99) <= 50);
                report.figure("M6", "records: plan = pro AND seats ≥ 50, limit 20, of " + RECORDS + ", p50",
                        m6Filtered.millis(50), "ms", "", Double.NaN, "", null);
                report.figure("M6", "records: plan = pro AND seats ≥ 50, limit 20, p99", m6Filtered.millis(99),
                        "ms", "", Double.NaN, "≤ 50 ms", m6Filtered.millis(99) <= 50);
                report.figure("M6", "records: region = emea sorted by seats descending, limit 20, p50",
                        m6Sorted.millis(50), "ms", "", Double.NaN, "", null);
                report.figure("M6", "records: region = emea sorted by seats descending, limit 20, p99",
                        m6Sorted.millis(99), "ms", "", Double.NaN, "≤ 50 ms", m6Sorted.millis(99) <= 50);
                report.figure("M7", "search fill: " + SEARCH_PERSONS + " person creations appended until every "
                        + "projection has caught up", m7Fill.toMillis() / 1000.0, "s", "", Double.NaN, "", null);
                figurePair(report, "M7", "search q=mar (a prefix of about a fifth of the persons), limit 20",
                        m7Prefix);
                figurePair(report, "M7", "search q=jon smi (two prefixes), limit 20", m7TwoPrefixes);
                figurePair(report, "M7", "search for an exact e-mail address, limit 20", m7Exact);
                figurePair(report, "M7", "search q=Schmitt (a typo: the fuzzy tier), limit 20", m7Typo);
                figurePair(report, "M8", "person 360 (GET /persons/{id}, every part) of persons of the 100,000",
                        m8Person360);
                figurePair(report, "M8", "person 360 of the command mix's busiest person (Zipf rank 1: hundreds of "
                        + "orders, deals, renames)", m8Hot360);
                report.figure("mem", "application peak RSS", rssMiB, "MiB", "", Double.NaN, "≤ 1,024 MiB",
                        rssMiB <= 1024);
                report.figure("mem", "application peak heap used (sampled each second)", heapMiB, "MiB", "",
                        Double.NaN, "", null);
                report.note("M7: " + SEARCH_PERSONS + " persons (40 first × 40 last names; creation events written "
                        + "with COPY and projected by the application, the search documents included; the fill is "
                        + "timed from the COPY until every projection has caught up), then " + SEARCH_QUERIES
                        + " sequential searches of each kind over HTTP, without other load, on top of the persons "
                        + "of M1/M2; the ≤ 50 ms target is ours (the list target of M5).");
                report.note("M1 failures: " + m1.failures() + "; M1 mix failures: " + m1Mix.failures()
                        + "; M2/M5 failures: " + m2.failures()
                        + "; M2 commands sent: " + m2.latency().count() + "; M3 probes: " + m2.lag().count() + ".");
                report.note("M6: " + RECORDS + " records of a custom type (creation events written with COPY, "
                        + "projected by the application; timing starts when every projection has caught up), then "
                        + RECORD_QUERIES + " sequential queries of each kind over HTTP, without other load; the "
                        + "≤ 50 ms target is ours (the list target of M5).");
                report.note("M4 events were appended with COPY in the command side's exact format ("
                        + appended + " of them); the replay rebuilds every projection from global index 0.");
                report.note("Run took " + Duration.between(began, Instant.now()).toSeconds() + " s.");
            }
        }
        report.write(output.resolve("benchmark-report.json"), output.resolve("benchmark-report.md"), summary);
        System.out.println(report.markdown());
    }

    /** The p50 and the p99 (target ≤ 50 ms) of a query. */
    private static void figurePair(Report report, String id, String name, Percentiles latency) {
        report.figure(id, name + ", p50", latency.millis(50), "ms", "", Double.NaN, "", null);
        report.figure(id, name + ", p99", latency.millis(99), "ms", "", Double.NaN, "≤ 50 ms",
                latency.millis(99) <= 50);
    }

    private static void describeMachine(Report report) throws Exception {
        Machine.describe().forEach(report::machine);
    }

    static void log(String format, Object... values) {
        System.out.printf("[bench] " + format + "%n", values);
    }
}
