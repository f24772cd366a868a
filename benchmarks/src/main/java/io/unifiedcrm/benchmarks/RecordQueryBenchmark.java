package io.unifiedcrm.benchmarks;

import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * M6: property queries on 100,000 records of a custom object type. The type is defined over HTTP; its records'
 * creation events are written with COPY in the command side's exact form and projected by the running application
 * (as in M4); then the record queries are timed one after the other over HTTP.
 */
final class RecordQueryBenchmark {

    static final String FILTERED = "/api/v1/records?objectType=subscription&filter[plan]=pro"
            + "&filter[seats][gte]=50&limit=20";
    static final String SORTED = "/api/v1/records?objectType=subscription&filter[region]=emea&sort=-seats&limit=20";
    private static final String[] PLANS = {"basic", "pro", "enterprise"};
    private static final String[] REGIONS = {"emea", "amer", "apac"};

    private final DataSource database;
    private final Http http;
    private final String apiKey;
    private final String adminKey;

    RecordQueryBenchmark(DataSource database, Http http, String apiKey, String adminKey) {
        this.database = database;
        this.http = http;
        this.apiKey = apiKey;
        this.adminKey = adminKey;
    }

    /**
     * Defines the type, appends {@code count} record creations and waits until every projection has read them (all
     * processing groups read every event), so that the queries are timed on an otherwise idle application.
     */
    void fill(int count, UUID organizationId, Duration limit) throws Exception {
        String definitionId = http.json("POST", "/api/v1/object-definitions", apiKey, """
                {"name": "subscription", "pluralName": "subscriptions", "displayProperty": "plan",
                 "schema": {"type": "object", "properties": {"plan": {"enum": ["basic", "pro", "enterprise"]},
                   "seats": {"type": "integer", "minimum": 1}, "renewsAt": {"type": "string", "format": "date"},
                   "region": {"type": "string"}}}}""").get("id").asText();
        HexFormat hex = HexFormat.of();
        String metaData = "\\\\x" + hex.formatHex(Baselines.utf8("{\"organizationId\":\"" + organizationId
                + "\",\"actor\":\"bench\",\"correlationId\":\"record-benchmark\",\"causationId\":\"record-benchmark\"}"));
        String timestamp = Instant.now().toString();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder chunk = new StringBuilder();
            for (int i = 0; i < count; i++) {
                UUID record = UUID.randomUUID();
                String plan = PLANS[i % PLANS.length];
                String payload = "{\"recordId\":\"" + record + "\",\"organizationId\":\"" + organizationId
                        + "\",\"objectType\":\"subscription\",\"definitionId\":\"" + definitionId
                        + "\",\"schemaVersion\":1,\"properties\":{\"plan\":\"" + plan + "\",\"seats\":"
                        + (1 + (i * 7919L) % 200) + ",\"renewsAt\":\"2027-" + String.format("%02d", 1 + i % 12)
                        + "-15\",\"region\":\"" + REGIONS[(i / 3) % REGIONS.length] + "\"},\"displayName\":\""
                        + plan + "\",\"personId\":null,\"ownerId\":null,\"teamId\":null,\"uniqueValue\":null}";
                chunk.append(record).append(",0,PlatformRecord,").append(UUID.randomUUID()).append(',')
                        .append(metaData).append(",\\\\x").append(hex.formatHex(Baselines.utf8(payload)))
                        .append(",1,io.unifiedcrm.platform.record.api.RecordCreatedEvent,").append(timestamp)
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
                 var rows = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM platform.record WHERE object_type = 'subscription'")) {
                rows.next();
                return rows.getLong(1) >= count && everyProjectionCaughtUp();
            }
        });
    }

    private boolean everyProjectionCaughtUp() {
        for (var projection : http.json("GET", "/api/v1/admin/projections?limit=200", adminKey, null).get("items")) {
            if (projection.get("lag").isNull() || projection.get("lag").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    /** Times {@code queries} sequential GETs of {@code path} after a warm-up. */
    Percentiles time(String path, int queries) {
        for (int i = 0; i < 50; i++) {
            http.json("GET", path, apiKey, null);
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
}
