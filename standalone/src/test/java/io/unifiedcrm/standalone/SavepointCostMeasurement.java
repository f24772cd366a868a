package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.StandaloneApplication;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the event savepoints of the dead-letter queues cost: the same replays with the queues (and so the savepoints)
 * on and off, alternately, on one data directory. Not part of the test run (its name does not end in Test); run it
 * with {@code ./mvnw -B -pl standalone -am verify -Dtest=SavepointCostMeasurement -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dmeasure.events=100000 -Dmeasure.rounds=3}). Prints events per second of each replay.
 */
class SavepointCostMeasurement {

    private static final String ADMIN_KEY = "measurement-admin-key-0123456789";
    private static final List<String> GROUPS = List.of("identity", "search", "timeline");

    @Test
    void replayWithAndWithoutSavepoints() throws Exception {
        int events = Integer.getInteger("measure.events", 100_000);
        int rounds = Integer.getInteger("measure.rounds", 3);
        Path dataDirectory = StandaloneTest.newDataDirectory("savepoint-cost");
        Map<String, List<Double>> results = new LinkedHashMap<>();
        boolean filled = false;
        for (int round = 0; round < rounds; round++) {
            // ABBA: neither variant always runs first
            for (boolean deadLetters : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                try (ConfigurableApplicationContext context = start(dataDirectory, deadLetters)) {
                    Api api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
                            ADMIN_KEY);
                    if (!filled) {
                        TestOrganization organization = api.createOrganization("Savepoint Cost");
                        fill(context.getBean(DataSource.class), events, organization.id());
                        filled = true;
                    }
                    awaitAllCaughtUp(api);
                    for (String group : GROUPS) {
                        replay(api, group); // warm-up: caches, JIT
                        for (int replay = 0; replay < 2; replay++) {
                            double rate = events / replay(api, group);
                            String key = group + (deadLetters ? " with dead letters and savepoints" : " without");
                            results.computeIfAbsent(key, k -> new ArrayList<>()).add(rate);
                            System.out.printf("[measure] round %d %s: %.0f events/s%n", round, key, rate);
                        }
                    }
                }
            }
        }
        results.forEach((key, rates) -> System.out.printf("[measure] %s: median %.0f events/s of %s%n", key,
                median(rates), rates.stream().map(rate -> String.format("%.0f", rate)).toList()));
    }

    /**
     * The savepoint alone, at the JDBC level: batches of 500 one-statement events per transaction (an idempotent
     * upsert, like a projection's), without a savepoint, with the one-round-trip {@code RELEASE SAVEPOINT …;
     * SAVEPOINT …} of {@code EventSavepoints}, and with JDBC's {@code setSavepoint}/{@code releaseSavepoint} (two
     * round trips). The variants alternate, many times, so that a busy machine affects them alike.
     */
    @Test
    void savepointRoundTripsAtTheJdbcLevel() throws Exception {
        int events = Integer.getInteger("measure.jdbc.events", 20_000);
        int repetitions = Integer.getInteger("measure.jdbc.repetitions", 10);
        try (var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
             Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE projected (id uuid PRIMARY KEY, version bigint NOT NULL, name text)");
            }
            connection.setAutoCommit(false);
            Map<String, List<Double>> micros = new LinkedHashMap<>();
            List<String> variants = List.of("no savepoint", "RELEASE+SAVEPOINT in one round trip",
                    "JDBC setSavepoint/releaseSavepoint");
            for (int repetition = -1; repetition < repetitions; repetition++) {
                for (String variant : variants) {
                    try (var statement = connection.createStatement()) {
                        statement.execute("TRUNCATE projected");
                    }
                    connection.commit();
                    double perEvent = projectEvents(connection, events, variants.indexOf(variant));
                    if (repetition >= 0) {
                        micros.computeIfAbsent(variant, k -> new ArrayList<>()).add(perEvent);
                    }
                }
            }
            micros.forEach((variant, values) -> System.out.printf(
                    "[measure] jdbc %s: median %.1f µs per event (%.0f events/s) of %s%n", variant, median(values),
                    1e6 / median(values), values.stream().map(value -> String.format("%.1f", value)).toList()));
        }
    }

    private static double projectEvents(Connection connection, int events, int variant) throws Exception {
        long started = System.nanoTime();
        try (var upsert = connection.prepareStatement("INSERT INTO projected (id, version, name) VALUES (?, 0, ?) "
                + "ON CONFLICT (id) DO UPDATE SET version = projected.version + 1, name = excluded.name");
             var savepoints = connection.createStatement()) {
            boolean open = false;
            java.sql.Savepoint savepoint = null;
            for (int i = 0; i < events; i++) {
                if (variant == 1) {
                    savepoints.execute(open ? "RELEASE SAVEPOINT unifiedcrm_event_1; SAVEPOINT unifiedcrm_event_1"
                            : "SAVEPOINT unifiedcrm_event_1");
                    open = true;
                } else if (variant == 2) {
                    savepoint = connection.setSavepoint();
                }
                upsert.setObject(1, UUID.randomUUID());
                upsert.setString(2, "person " + i);
                upsert.executeUpdate();
                if (variant == 2) {
                    connection.releaseSavepoint(savepoint);
                }
                if (i % 500 == 499) {
                    connection.commit();
                    open = false;
                }
            }
            connection.commit();
        }
        return (System.nanoTime() - started) / 1e3 / events;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static ConfigurableApplicationContext start(Path dataDirectory, boolean deadLetters) {
        return new SpringApplicationBuilder(StandaloneApplication.class).run("--server.port=0",
                "--unifiedcrm.data.dir=" + dataDirectory, "--unifiedcrm.admin.key=" + ADMIN_KEY,
                "--unifiedcrm.embedded-postgres.fsync=off", "--unifiedcrm.rate-limit.enabled=false",
                "--unifiedcrm.dead-letters.enabled=" + deadLetters);
    }

    /** Waits until no projection is behind: a replay is measured alone. */
    private static void awaitAllCaughtUp(Api api) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            boolean caughtUp = true;
            for (JsonNode status : api.get("/api/v1/admin/projections?limit=200", ADMIN_KEY).body().get("items")) {
                caughtUp &= caughtUp(status);
            }
            return caughtUp;
        });
    }

    /** Resets the group and answers the seconds until it has caught up with the head of the event store again. */
    private static double replay(Api api, String group) {
        long started = System.nanoTime();
        assertThat(api.post("/api/v1/admin/projections/" + group + "/replay", ADMIN_KEY, null).status())
                .isEqualTo(202);
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> caughtUp(api.get("/api/v1/admin/projections/" + group, ADMIN_KEY).body()));
        return (System.nanoTime() - started) / 1e9;
    }

    private static boolean caughtUp(JsonNode status) {
        JsonNode lag = status.get("lag");
        return !status.get("replaying").asBoolean() && lag != null && !lag.isNull() && lag.asLong() == 0;
    }

    /** PersonCreatedEvents of one organization, written with COPY as the command side writes them. */
    private static void fill(DataSource database, int events, UUID organizationId) throws Exception {
        HexFormat hex = HexFormat.of();
        String metaData = "\\\\x" + hex.formatHex(("{\"organizationId\":\"" + organizationId
                + "\",\"actor\":\"measure\",\"correlationId\":\"measure\",\"causationId\":\"measure\"}")
                .getBytes(StandardCharsets.UTF_8));
        String timestamp = Instant.now().toString();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < events; i++) {
                UUID person = UUID.randomUUID();
                String payload = "{\"personId\":\"" + person + "\",\"organizationId\":\"" + organizationId
                        + "\",\"email\":\"measure-" + i + "@measure.example\",\"firstName\":\"Measure\","
                        + "\"lastName\":\"Person" + i + "\",\"phone\":null,\"source\":\"import\"}";
                chunk.append(person).append(",0,Person,").append(UUID.randomUUID()).append(',')
                        .append(metaData).append(",\\\\x")
                        .append(hex.formatHex(payload.getBytes(StandardCharsets.UTF_8)))
                        .append(",1,io.unifiedcrm.identity.person.api.PersonCreatedEvent,").append(timestamp)
                        .append('\n');
            }
            copy.copyIn("COPY axon.domain_event_entry (aggregate_identifier, sequence_number, type, "
                    + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                    + "FROM STDIN (FORMAT text, DELIMITER ',')", new StringReader(chunk.toString()));
            connection.commit();
        }
    }
}
