package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.StandaloneApplication;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17, the fault runs: clients write with {@code Idempotency-Key}s and retry each write with its key until it is
 * acknowledged, while the run injects faults — every database connection of the application terminated again and
 * again, a lock that makes a projection's statements run past their timeout, and {@code kill -9} of the application
 * followed by a restart. Afterwards every acknowledged write is in the event store exactly once, the read model
 * holds exactly the acknowledged writes, no event was dead-lettered, and a replay of the projection builds the same
 * rows. The figures it prints go into the README's reliability section.
 */
@Tag("child-jvms")
class FaultRunTest {

    private static final String ADMIN_KEY = "fault-run-admin-key-0123456789abcdef";
    private static final int CLIENTS = 4;
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void everyAcknowledgedWriteIsPresentExactlyOnceAfterTheFaults() throws Exception {
        ExecutorService clients = Executors.newCachedThreadPool();
        Map<String, UUID> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger unreachable = new AtomicInteger();
        try (ChildJvm application = ChildJvm.mainClass("standalone-faults", StandaloneApplication.class, List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--unifiedcrm.admin.key=" + ADMIN_KEY,
                "--unifiedcrm.rate-limit.enabled=false",
                // a projection blocked by the lock below fails its batch after this, and is retried
                "--unifiedcrm.database.statement-timeout=PT2S"))) {
            application.start();
            Api api = Api.ofChildProcess(application.port(), ADMIN_KEY);
            TestOrganization organization = api.createOrganization("Faults GmbH");
            UUID person = api.createPerson(organization, "ada@faults.example", "Ada", "Lovelace");

            AtomicBoolean writing = new AtomicBoolean(true);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                writers.add(CompletableFuture.runAsync(() -> {
                    while (writing.get()) {
                        String key = UUID.randomUUID().toString();
                        acknowledged.put(key, writeUntilAcknowledged(api, organization, person, key, attempts,
                                serverErrors, unreachable));
                    }
                }, clients));
            }
            AtomicInteger terminated = new AtomicInteger();
            awaitMoreAcknowledged(acknowledged, 50);

            // 1. every connection of the application terminated, again and again, until the clients have felt it
            int failedBefore = serverErrors.get();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                terminated.addAndGet(jdbc.queryForObject("""
                        SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity
                        WHERE datname = current_database() AND backend_type = 'client backend'
                          AND pid <> pg_backend_pid()""", Integer.class));
                return terminated.get() >= 50 && serverErrors.get() >= failedBefore + 10;
            });
            awaitMoreAcknowledged(acknowledged, 50);

            // 2. the activities' table locked until the crm projection's statements ran past their timeout (it reports it)
            try (Connection lock = postgres.getPostgresDatabase().getConnection();
                 Statement statement = lock.createStatement()) {
                lock.setAutoCommit(false);
                statement.execute("LOCK TABLE crm.activity IN ACCESS EXCLUSIVE MODE");
                await().atMost(Duration.ofSeconds(60)).until(() -> crmStatus(api).path("errorMessage").asText()
                        .contains("timeout"));
                lock.rollback();
            }
            awaitMoreAcknowledged(acknowledged, 50);

            // 3. kill -9 during the burst, and a restart on the same database
            application.kill();
            application.start();
            awaitMoreAcknowledged(acknowledged, 50);
            writing.set(false);
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

            Map<String, Long> eventsPerKey = new ConcurrentHashMap<>();
            jdbc.query("""
                            SELECT convert_from(payload, 'UTF8')::jsonb ->> 'subject' AS subject, count(*) AS events
                            FROM axon.domain_event_entry
                            WHERE payload_type = 'io.unifiedcrm.crm.activity.api.ActivityCreatedEvent'
                            GROUP BY 1""",
                    row -> {
                        eventsPerKey.put(row.getString("subject"), row.getLong("events"));
                    });
            List<String> lost = acknowledged.keySet().stream().filter(key -> !eventsPerKey.containsKey(key)).toList();
            List<String> duplicated = eventsPerKey.entrySet().stream().filter(entry -> entry.getValue() > 1)
                    .map(Map.Entry::getKey).toList();
            Set<String> unacknowledged = new java.util.HashSet<>(eventsPerKey.keySet());
            unacknowledged.removeAll(acknowledged.keySet());

            awaitCaughtUp(api);
            List<String> beforeReplay = activityRows(organization);
            assertThat(jdbc.queryForList("SELECT processing_group || ': ' || cause_message FROM axon.dead_letter_entry",
                    String.class)).as("dead letters after the faults").isEmpty();
            Response replay = api.post("/api/v1/admin/projections/crm/replay", ADMIN_KEY, null);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            awaitCaughtUp(api);
            List<String> afterReplay = activityRows(organization);

            System.out.printf("fault run: %d writes acknowledged in %d attempts (%d answered 5xx, %d unreachable "
                            + "while the application was down); %d connections terminated, 1 projection lock past "
                            + "the statement timeout, 1 kill -9; %d lost, %d duplicated, %d written unacknowledged; "
                            + "read model equal to a replay: %s%n", acknowledged.size(), attempts.get(),
                    serverErrors.get(), unreachable.get(), terminated.get(), lost.size(), duplicated.size(),
                    unacknowledged.size(), beforeReplay.equals(afterReplay));
            assertThat(terminated.get()).as("connections terminated").isPositive();
            assertThat(lost).as("acknowledged writes not in the event store").isEmpty();
            assertThat(duplicated).as("writes in the event store more than once").isEmpty();
            assertThat(unacknowledged).as("writes in the event store that no answer acknowledged").isEmpty();
            assertThat(beforeReplay).as("activities in the read model").hasSize(acknowledged.size());
            assertThat(afterReplay).as("the read model rebuilt by a replay").isEqualTo(beforeReplay);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Sends the write with its key until an answer acknowledges it (a 409 while an earlier attempt still runs, a 5xx
     * or no answer at all are tried again, 50 ms apart); a retry is the very same request.
     */
    private static UUID writeUntilAcknowledged(Api api, TestOrganization organization, UUID person, String key,
                                               AtomicInteger attempts, AtomicInteger serverErrors,
                                               AtomicInteger unreachable) {
        Map<String, Object> note = Map.of("type", "note", "personId", person.toString(), "subject", key,
                "body", "Written through faults.");
        AtomicReference<UUID> written = new AtomicReference<>();
        await("the write of " + key).atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(() -> {
                    attempts.incrementAndGet();
                    try {
                        Response answer = api.send("POST", "/api/v1/activities", organization.apiKey(),
                                "application/json", note, Map.of("Idempotency-Key", key));
                        if (answer.status() == 201) {
                            written.set(UUID.fromString(answer.body().get("id").asText()));
                        } else if (answer.status() >= 500) {
                            serverErrors.incrementAndGet();
                        } else if (answer.status() != 409) {
                            throw new AssertionError("A write was refused: " + answer);
                        }
                    } catch (UncheckedIOException down) {
                        unreachable.incrementAndGet();
                    }
                    return written.get() != null;
                });
        return written.get();
    }

    private static void awaitMoreAcknowledged(Map<String, UUID> acknowledged, int more) {
        int before = acknowledged.size();
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= before + more);
    }

    private static void awaitCaughtUp(Api api) {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM axon.domain_event_entry",
                Long.class);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode status = crmStatus(api);
            assertThat(status.get("replaying").asBoolean()).as(status.toString()).isFalse();
            assertThat(status.get("position").asLong()).as(status.toString()).isGreaterThanOrEqualTo(head);
        });
    }

    private static JsonNode crmStatus(Api api) {
        for (JsonNode status : api.get("/api/v1/admin/projections", ADMIN_KEY).body().get("items")) {
            if (status.get("name").asText().equals("crm")) {
                return status;
            }
        }
        throw new AssertionError("no crm projection");
    }

    private static List<String> activityRows(TestOrganization organization) {
        return jdbc.queryForList("SELECT to_jsonb(a)::text FROM crm.activity a WHERE organization_id = ? "
                + "ORDER BY id", String.class, organization.id());
    }

}
