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
 * The idempotency keys in {@code system.idempotency_key}, each with the answer of the request that used it. A row is
 * only ever written with its answer, in the transaction of the request ({@link IdempotencyFilter}); while a request
 * runs, its key is held by a transaction-scoped advisory lock, so a retry racing the original never runs twice.
 */
@Component
public class IdempotencyKeys {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration retention;

    public IdempotencyKeys(JdbcTemplate jdbc,
                           @Value("${unifiedcrm.idempotency.retention:PT24H}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    /**
     * Takes the key for the current transaction, or answers false when another request holds it: a request with this
     * key is running now. The lock is PostgreSQL's, held until the transaction ends, also if its process dies.
     */
    boolean lockForTransaction(String scope, String route, String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT pg_try_advisory_xact_lock(hashtextextended(? || chr(10) || ? || chr(10) || ?, 0))",
                Boolean.class, scope, route, key));
    }

    IdempotencyClaim find(String scope, String route, String key, String fingerprint) {
        List<IdempotencyClaim> existing = jdbc.query("""
                        SELECT request_fingerprint, response_status, response_headers, response_body
                        FROM system.idempotency_key
                        WHERE scope = ? AND route = ? AND idempotency_key = ? AND state = 'completed'""",
                (row, index) -> row.getString("request_fingerprint").equals(fingerprint)
                        ? new IdempotencyClaim.Answered(new StoredResponse(row.getInt("response_status"),
                                headersOf(row.getString("response_headers")), row.getBytes("response_body")))
                        : new IdempotencyClaim.ReusedForAnotherRequest(),
                scope, route, key);
        return existing.isEmpty() ? new IdempotencyClaim.Unanswered() : existing.get(0);
    }

    /** Keeps the answer; in the request's transaction, the key and the answer commit with what the request did. */
    void keep(String scope, String route, String key, String fingerprint, StoredResponse response) {
        jdbc.update("""
                        INSERT INTO system.idempotency_key (scope, route, idempotency_key, request_fingerprint, state,
                            response_status, response_headers, response_body, created_at, completed_at)
                        VALUES (?, ?, ?, ?, 'completed', ?, ?, ?, now(), now())
                        ON CONFLICT (scope, route, idempotency_key) DO NOTHING""",
                scope, route, key, fingerprint, response.status(), headersAsJson(response.headers()), response.body());
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
