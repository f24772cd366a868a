package io.unifiedcrm.infrastructure.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The idempotency keys in {@code system.idempotency_key}. A key is claimed with an insert that only one of several
 * concurrent requests can win (the primary key decides), so a retry racing the original never runs twice.
 */
@Component
public class IdempotencyKeys {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration retention;
    private final Duration abandonedAfter;

    public IdempotencyKeys(JdbcTemplate jdbc,
                           @Value("${unifiedcrm.idempotency.retention:PT24H}") Duration retention,
                           @Value("${unifiedcrm.idempotency.abandoned-after:PT1M}") Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
    }

    IdempotencyClaim claim(String scope, String route, String key, String fingerprint) {
        int inserted = jdbc.update("""
                        INSERT INTO system.idempotency_key
                            (scope, route, idempotency_key, request_fingerprint, state, created_at)
                        VALUES (?, ?, ?, ?, 'in_flight', now()) ON CONFLICT DO NOTHING""",
                scope, route, key, fingerprint);
        if (inserted == 1) {
            return new IdempotencyClaim.Claimed();
        }
        List<IdempotencyClaim> existing = jdbc.query("""
                        SELECT request_fingerprint, state, response_status, response_headers, response_body
                        FROM system.idempotency_key WHERE scope = ? AND route = ? AND idempotency_key = ?""",
                (row, index) -> {
                    if (!row.getString("request_fingerprint").equals(fingerprint)) {
                        return new IdempotencyClaim.ReusedForAnotherRequest();
                    }
                    if (row.getString("state").equals("in_flight")) {
                        return new IdempotencyClaim.InFlight();
                    }
                    return new IdempotencyClaim.Answered(new StoredResponse(row.getInt("response_status"),
                            headersOf(row.getString("response_headers")), row.getBytes("response_body")));
                },
                scope, route, key);
        if (existing.isEmpty()) {
            return claim(scope, route, key, fingerprint); // expired between insert and select
        }
        if (existing.get(0) instanceof IdempotencyClaim.InFlight && takeOverAbandoned(scope, route, key)) {
            return new IdempotencyClaim.Claimed();
        }
        return existing.get(0);
    }

    /** A request that has been in flight for too long died with its process; let the retry run it. */
    private boolean takeOverAbandoned(String scope, String route, String key) {
        return jdbc.update("""
                        UPDATE system.idempotency_key SET created_at = now()
                        WHERE scope = ? AND route = ? AND idempotency_key = ? AND state = 'in_flight'
                          AND created_at < now() - make_interval(secs => ?)""",
                scope, route, key, abandonedAfter.toSeconds()) == 1;
    }

    void complete(String scope, String route, String key, StoredResponse response) {
        jdbc.update("""
                        UPDATE system.idempotency_key
                        SET state = 'completed', response_status = ?, response_headers = ?, response_body = ?,
                            completed_at = now()
                        WHERE scope = ? AND route = ? AND idempotency_key = ?""",
                response.status(), headersAsJson(response.headers()), response.body(), scope, route, key);
    }

    /** The request failed on the server's side: forget the key, so that a retry runs again. */
    void release(String scope, String route, String key) {
        jdbc.update("DELETE FROM system.idempotency_key WHERE scope = ? AND route = ? AND idempotency_key = ?",
                scope, route, key);
    }

    /** Keys are kept for the retention period (24 hours by default), then forgotten. */
    @Scheduled(fixedDelayString = "${unifiedcrm.idempotency.cleanup-interval:PT10M}",
            initialDelayString = "${unifiedcrm.idempotency.cleanup-interval:PT10M}")
    public int removeExpired() {
        int removed = jdbc.update("DELETE FROM system.idempotency_key WHERE created_at < now() - make_interval(secs => ?)",
                retention.toSeconds());
        if (removed > 0) {
            LOG.info("Removed {} expired idempotency keys", removed);
        }
        return removed;
    }

    private String headersAsJson(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> headersOf(String stored) {
        try {
            return stored == null ? Map.of() : json.readValue(stored, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
