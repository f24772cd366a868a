package io.unifiedcrm.benchmarks;

import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.core.ConditionTimeoutException;
import org.postgresql.PGConnection;

/**
 * M4: a million events in the event table, then every projection reset and rebuilt from the first event.
 * The events are written with COPY in exactly the form the command side writes them (PersonCreatedEvent JSON with
 * its metadata), which takes seconds instead of the half hour a million commands over HTTP would.
 */
final class ReplayBenchmark {

    private final DataSource database;
    private final Http http;
    private final String adminKey;

    ReplayBenchmark(DataSource database, Http http, String adminKey) {
        this.database = database;
        this.http = http;
        this.adminKey = adminKey;
    }

    /** Appends events until the store holds {@code total}; answers how many were appended. */
    long fillEventStore(long total, UUID organizationId) throws Exception {
        long present;
        try (Connection connection = database.getConnection();
             var count = connection.createStatement().executeQuery("SELECT count(*) FROM axon.domain_event_entry")) {
            count.next();
            present = count.getLong(1);
        }
        long missing = Math.max(0, total - present);
        HexFormat hex = HexFormat.of();
        String metaData = "\\\\x" + hex.formatHex(Baselines.utf8("{\"organizationId\":\"" + organizationId
                + "\",\"actor\":\"bench\",\"correlationId\":\"replay-benchmark\",\"causationId\":\"replay-benchmark\"}"));
        String timestamp = Instant.now().toString();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long written = 0;
            while (written < missing) {
                StringBuilder chunk = new StringBuilder();
                for (int i = 0; i < 10_000 && written < missing; i++, written++) {
                    UUID person = UUID.randomUUID();
                    String payload = "{\"personId\":\"" + person + "\",\"organizationId\":\"" + organizationId
                            + "\",\"email\":\"replay-" + written + "@replay.example\",\"firstName\":\"Replay\","
                            + "\"lastName\":\"Person" + written + "\",\"phone\":null,\"source\":\"import\"}";
                    chunk.append(person).append(",0,Person,").append(UUID.randomUUID()).append(',')
                            .append(metaData).append(",\\\\x").append(hex.formatHex(Baselines.utf8(payload)))
                            .append(",1,io.unifiedcrm.identity.person.api.PersonCreatedEvent,").append(timestamp)
                            .append('\n');
                }
                copy.copyIn("COPY axon.domain_event_entry (aggregate_identifier, sequence_number, type, "
                        + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                        + "FROM STDIN (FORMAT text, DELIMITER ',')", new StringReader(chunk.toString()));
            }
            connection.commit();
        }
        return missing;
    }

    /** Resets every projection and waits until they are rebuilt (or the time is up); events per second. */
    Result replayAll(Duration limit, java.util.function.Supplier<String> diagnostics) throws Exception {
        long head;
        try (Connection connection = database.getConnection();
             var max = connection.createStatement().executeQuery(
                     "SELECT max(global_index) FROM axon.domain_event_entry")) {
            max.next();
            head = max.getLong(1);
        }
        long started = System.nanoTime();
        // every projection that can be replayed, at once: they read the event stream together
        http.json("POST", "/api/v1/admin/projections/replay", adminKey, null, Duration.ofMinutes(5));
        AtomicLong position = new AtomicLong();
        AtomicLong nextDiagnostics = new AtomicLong(started);
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> {
                try {
                    long lowest = Long.MAX_VALUE;
                    for (var projection : http.json("GET", "/api/v1/admin/projections?limit=200", adminKey, null)
                            .get("items")) {
                        var current = projection.get("position");
                        lowest = Math.min(lowest, current == null || current.isNull() ? 0 : current.asLong());
                    }
                    position.set(lowest);
                } catch (IllegalStateException slowAnswer) {
                    System.out.println("[bench] status not available: " + slowAnswer.getMessage());
                }
                if (position.get() < head && System.nanoTime() >= nextDiagnostics.get()) {
                    System.out.println("[bench] replay at " + position.get() + " of " + head + diagnostics.get());
                    nextDiagnostics.addAndGet(Duration.ofSeconds(20).toNanos());
                }
                return position.get() >= head;
            });
        } catch (ConditionTimeoutException timedOut) {
            // reported as an incomplete replay below
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(head, Math.min(position.get(), head), seconds, position.get() >= head);
    }

    record Result(long events, long replayed, double seconds, boolean completed) {
        double eventsPerSecond() {
            return replayed / seconds;
        }
    }
}
