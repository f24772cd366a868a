package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.StandaloneApplication;
import io.unifiedcrm.standalone.Api.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code kill -9} of the application while its projections are behind, again and again under a steady command load,
 * then a restart on the same database: afterwards every read model equals a full rebuild from the events (no event
 * lost, none applied twice), and everything a 2xx answer acknowledged is in it.
 */
@Tag("child-jvms")
class CrashRecoveryTest {

    private static final String ADMIN_KEY = "crash-recovery-admin-key-0123456789";
    private static final List<String> GROUPS = ReplayDeterminismTest.GROUPS;
    private static final int KILLS = 5;
    /** Events appended that the furthest-behind projection has not yet handled when the application is killed. */
    private static final long LAG_AT_KILL = 5;
    /** Creations acknowledged in each run before the kill. */
    private static final int MIN_CREATIONS_PER_RUN = 40;
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static TokenTable tokens;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        tokens = new TokenTable(jdbc);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void killedWhileProjectingTheReadModelsEqualAFullRebuild() {
        long began = System.nanoTime();
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ChildJvm application = ChildJvm.mainClass("standalone-crash", StandaloneApplication.class, List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--unifiedcrm.admin.key=" + ADMIN_KEY,
                "--unifiedcrm.rate-limit.enabled=false"))) {
            List<Long> startTimes = new ArrayList<>();
            startTimes.add(application.start().lastStartTime().toMillis());
            Api api = Api.ofChildProcess(application.port(), ADMIN_KEY);
            List<CustomerStories> organizations = organizationsOnBothSegments(api);

            List<Long> lagsAtKill = new ArrayList<>();
            for (int kill = 0; kill < KILLS; kill++) {
                AtomicBoolean loading = new AtomicBoolean(true);
                CompletableFuture<?>[] load = organizations.stream().map(stories -> CompletableFuture.runAsync(() -> {
                    while (loading.get()) {
                        stories.tell();
                    }
                }, clients)).toArray(CompletableFuture[]::new);
                int before = acknowledgedCount(organizations);
                long lag = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(
                        () -> acknowledgedCount(organizations) >= before + MIN_CREATIONS_PER_RUN ? lag(api) : -1,
                        behind -> behind >= LAG_AT_KILL);
                application.kill();
                lagsAtKill.add(lag);
                loading.set(false);
                CompletableFuture.allOf(load).join();
                startTimes.add(application.start().lastStartTime().toMillis());
            }

            awaitCaughtUp(api);
            Map<String, String> recovered = settledChecksums();
            Map<String, List<String>> recoveredRows = rows();
            int acknowledged = 0;
            for (CustomerStories stories : organizations) {
                for (String table : List.of("identity.person", "shared.address", "commerce.orders", "crm.deal",
                        "crm.activity", "platform.record")) {
                    List<UUID> ids = stories.acknowledged(table);
                    assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ANY (?)",
                            Long.class, (Object) ids.toArray(UUID[]::new))).as(table + " rows acknowledged")
                            .isEqualTo(ids.size());
                    acknowledged += ids.size();
                }
            }

            // a replay clears the dead-letter queues: before it, no event may have been parked (an event applied
            // twice that violated a constraint would be rolled back to its savepoint and parked, not seen in a diff)
            assertThat(jdbc.queryForList("SELECT processing_group || ': ' || cause_message FROM axon.dead_letter_entry",
                    String.class)).as("dead letters after the crashes").isEmpty();
            for (String group : GROUPS) {
                Response replay = api.post("/api/v1/admin/projections/" + group + "/replay", ADMIN_KEY, null);
                assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            }
            awaitCaughtUp(api);
            Map<String, String> rebuilt = settledChecksums();
            List<String> differing = recovered.keySet().stream()
                    .filter(table -> !recovered.get(table).equals(rebuilt.get(table))).toList();

            System.out.printf("crash recovery: %d kills, %d diffs (%d read-model tables compared with a full "
                            + "rebuild); lag at the kills %s events; %d events, %d creations acknowledged, %d "
                            + "commands unanswered; JVM starts %s ms; %d ms in all%n", KILLS, differing.size(),
                    recovered.size(), lagsAtKill, tokens.events(), acknowledged,
                    organizations.stream().mapToInt(CustomerStories::unanswered).sum(), startTimes,
                    (System.nanoTime() - began) / 1_000_000);
            Map<String, List<String>> rebuiltRows = rows();
            StringBuilder differences = new StringBuilder();
            for (String table : differing) {
                differences.append(table).append(" only after the crashes: ").append(only(recoveredRows.get(table),
                        rebuiltRows.get(table))).append("\n  only after the rebuild: ").append(only(rebuiltRows
                        .get(table), recoveredRows.get(table))).append('\n');
            }
            assertThat(differing).as("read-model tables that differ from a full rebuild:\n" + differences).isEmpty();
            assertThat(lagsAtKill).hasSize(KILLS).allSatisfy(lag -> assertThat(lag).isGreaterThanOrEqualTo(LAG_AT_KILL));
        } finally {
            clients.shutdownNow();
        }
    }

    /** Two organizations on each of the two segments (a projection handles an organization in one segment). */
    private static List<CustomerStories> organizationsOnBothSegments(Api api) {
        List<CustomerStories> chosen = new ArrayList<>();
        int[] perSegment = new int[2];
        for (int created = 0; chosen.size() < 4; created++) {
            CustomerStories stories = new CustomerStories(api, "Crash " + created);
            int segment = stories.organization().id().hashCode() & 1;
            if (perSegment[segment] < 2) {
                perSegment[segment]++;
                chosen.add(stories);
            }
        }
        return chosen;
    }

    private static int acknowledgedCount(List<CustomerStories> organizations) {
        return organizations.stream().mapToInt(stories -> stories.acknowledged().size()).sum();
    }

    /** The application's own view: the largest lag of the projections (events behind the head of the store). */
    private static long lag(Api api) {
        long lag = 0;
        for (JsonNode status : api.get("/api/v1/admin/projections", ADMIN_KEY).body().get("items")) {
            if (GROUPS.contains(status.get("name").asText())) {
                lag = Math.max(lag, status.path("lag").asLong(0));
            }
        }
        return lag;
    }

    private static void awaitCaughtUp(Api api) {
        long head = tokens.head();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (JsonNode status : api.get("/api/v1/admin/projections", ADMIN_KEY).body().get("items")) {
                if (GROUPS.contains(status.get("name").asText())) {
                    assertThat(status.get("replaying").asBoolean()).as(status.toString()).isFalse();
                    assertThat(status.get("position").asLong()).as(status.toString()).isGreaterThanOrEqualTo(head);
                }
            }
        });
    }

    /** The checksums once two reads 300 ms apart agree (a batch's commit may trail its reported position). */
    private static Map<String, String> settledChecksums() {
        AtomicReference<Map<String, String>> previous = new AtomicReference<>(checksums());
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(300))
                .until(() -> {
                    Map<String, String> now = checksums();
                    return now.equals(previous.getAndSet(now)) ? now : null;
                }, java.util.Objects::nonNull);
    }

    /** Every row of every read-model table, as JSON text. */
    private static Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : ReplayDeterminismTest.TABLES) {
            rows.put(table, jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t", String.class));
        }
        return rows;
    }

    /** The first few rows of {@code these} that {@code those} does not have. */
    private static List<String> only(List<String> these, List<String> those) {
        java.util.Set<String> others = new java.util.HashSet<>(those);
        return these.stream().filter(row -> !others.contains(row)).limit(5).toList();
    }

    /** md5 of every row of each read-model table, in a fixed order. */
    private static Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : ReplayDeterminismTest.TABLES) {
            sums.put(table, jdbc.queryForObject("SELECT coalesce(md5(string_agg(to_jsonb(t)::text, '|' "
                    + "ORDER BY to_jsonb(t)::text)), 'empty') FROM " + table + " t", String.class));
        }
        return sums;
    }
}
