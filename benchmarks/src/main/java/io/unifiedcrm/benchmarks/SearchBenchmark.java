package io.unifiedcrm.benchmarks;

import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * M7: search on 100,000 persons. Their creation events are written with COPY in the command side's exact form (as in
 * M4 and M6) — 40 first names × 40 last names, so that a prefix matches thousands — and projected by the running
 * application: the search projection builds their documents like any live person's (the fill is timed until every
 * projection has caught up). Then the searches are timed one after the other over HTTP.
 */
final class SearchBenchmark {

    private static final String[] FIRST_NAMES = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer",
            "Michael", "Linda", "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica",
            "Thomas", "Sarah", "Charles", "Karen", "Jonathan", "Maria", "Marco", "Martin", "Marta", "Anna", "Lukas",
            "Sofia", "Noah", "Emma", "Jonas", "Mia", "Leon", "Hannah", "Paul", "Lena", "Felix", "Clara", "Oskar",
            "Ida"};
    private static final String[] LAST_NAMES = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
            "Taylor", "Moore", "Jackson", "Martin", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
            "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun",
            "Zimmermann", "Hartmann", "Krüger", "Lange"};
    /** The person whose address the exact search asks for. */
    /** Every 100th person of the fill, for the person 360 reads. */
    private final List<String> sampledPersons = new ArrayList<>();
    private static final int EXACT_PERSON = 4242;

    private final DataSource database;
    private final Http http;
    private final String apiKey;
    private final String adminKey;

    SearchBenchmark(DataSource database, Http http, String apiKey, String adminKey) {
        this.database = database;
        this.http = http;
        this.apiKey = apiKey;
        this.adminKey = adminKey;
    }

    /** A common three-letter prefix (Maria, Marco, Martin, Marta, Martinez, Martin…: about a fifth of the persons). */
    static String prefix() {
        return "/api/v1/search?q=mar&limit=20";
    }

    /** Two prefixes, each of a first and a last name. */
    static String twoPrefixes() {
        return "/api/v1/search?q=" + encode("jon smi") + "&limit=20";
    }

    /** One person's e-mail address, exactly. */
    static String exactEmail() {
        return "/api/v1/search?q=" + encode(email(EXACT_PERSON)) + "&limit=20";
    }

    /** A last name with a one-letter typo (Schmidt): only the fuzzy (trigram) tier finds it. */
    static String typo() {
        return "/api/v1/search?q=Schmitt&limit=20";
    }

    /**
     * Appends {@code count} person creations and waits until every projection has read them; answers how long that
     * took from the start of the COPY.
     */
    Duration fill(int count, UUID organizationId, Duration limit) throws Exception {
        HexFormat hex = HexFormat.of();
        String metaData = "\\\\x" + hex.formatHex(Baselines.utf8("{\"organizationId\":\"" + organizationId
                + "\",\"actor\":\"bench\",\"correlationId\":\"search-benchmark\",\"causationId\":\"search-benchmark\"}"));
        String timestamp = Instant.now().toString();
        Instant started = Instant.now();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < count; i++) {
                UUID person = UUID.randomUUID();
                if (i % 100 == 0) {
                    sampledPersons.add(person.toString());
                }
                String payload = "{\"personId\":\"" + person + "\",\"organizationId\":\"" + organizationId
                        + "\",\"email\":\"" + email(i) + "\",\"firstName\":\"" + firstName(i)
                        + "\",\"lastName\":\"" + lastName(i) + "\",\"phone\":null,\"source\":\"import\"}";
                chunk.append(person).append(",0,Person,").append(UUID.randomUUID()).append(',')
                        .append(metaData).append(",\\\\x").append(hex.formatHex(Baselines.utf8(payload)))
                        .append(",1,io.unifiedcrm.identity.person.api.PersonCreatedEvent,").append(timestamp)
                        .append('\n');
                if (chunk.length() > 4_000_000 || i == count - 1) {
                    copy.copyIn("COPY axon.domain_event_entry (aggregate_identifier, sequence_number, type, "
                            + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) "
                            + "FROM STDIN (FORMAT text, DELIMITER ',')", new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
            connection.commit();
        }
        await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Connection connection = database.getConnection();
                 var statement = connection.prepareStatement("SELECT count(*) FROM system.search_document "
                         + "WHERE organization_id = ? AND type = 'person' AND subtitle LIKE '%@search.example'")) {
                statement.setObject(1, organizationId);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1) >= count && everyProjectionCaughtUp();
                }
            }
        });
        return Duration.between(started, Instant.now());
    }

    private boolean everyProjectionCaughtUp() {
        for (var projection : http.json("GET", "/api/v1/admin/projections?limit=200", adminKey, null).get("items")) {
            if (projection.get("lag").isNull() || projection.get("lag").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    /** Times {@code queries} sequential person 360 reads of persons of the fill, a different one each time. */
    Percentiles timePerson360(int queries) {
        Percentiles latency = new Percentiles(queries);
        for (int i = 0; i < queries + 20; i++) {
            String path = "/api/v1/persons/" + sampledPersons.get(i % sampledPersons.size());
            long started = System.nanoTime();
            var response = http.send("GET", path, apiKey, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            if (i >= 20) {
                latency.record(System.nanoTime() - started);
            }
        }
        return latency;
    }

    /** Times {@code queries} sequential GETs of one resource after a warm-up. */
    Percentiles timeRead(String path, int queries) {
        Percentiles latency = new Percentiles(queries);
        for (int i = 0; i < queries + 20; i++) {
            long started = System.nanoTime();
            var response = http.send("GET", path, apiKey, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            if (i >= 20) {
                latency.record(System.nanoTime() - started);
            }
        }
        return latency;
    }

    /** Times {@code queries} sequential GETs of {@code path} after a warm-up; each must find something. */
    Percentiles time(String path, int queries) {
        for (int i = 0; i < 20; i++) {
            if (http.json("GET", path, apiKey, null).get("items").isEmpty()) {
                throw new IllegalStateException(path + " found nothing");
            }
        }
        Percentiles latency = new Percentiles(queries);
        for (int i = 0; i < queries; i++) {
            long started = System.nanoTime();
            var response = http.send("GET", path, apiKey, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            latency.record(System.nanoTime() - started);
        }
        return latency;
    }

    private static String firstName(int i) {
        return FIRST_NAMES[i % FIRST_NAMES.length];
    }

    private static String lastName(int i) {
        return LAST_NAMES[(i / FIRST_NAMES.length) % LAST_NAMES.length];
    }

    private static String email(int i) {
        return (firstName(i) + "." + lastName(i)).toLowerCase(Locale.ROOT).replace("ü", "ue") + "." + i
                + "@search.example";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
