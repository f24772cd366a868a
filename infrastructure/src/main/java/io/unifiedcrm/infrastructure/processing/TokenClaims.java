package io.unifiedcrm.infrastructure.processing;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The segments of a processor as the token store has them, across every instance: who holds each segment and how
 * far it is. Read without claiming anything (Axon's token store only reads a token by claiming it).
 */
@Component
public class TokenClaims {

    /** One segment's row: its owner (null when released) and the position of its token (null before the first). */
    public record Claim(int segment, String owner, Long position, Instant claimedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public TokenClaims(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public List<Claim> of(String processor) {
        return jdbc.query("""
                        SELECT segment, owner, token, token_type, timestamp FROM axon.token_entry
                        WHERE processor_name = ? ORDER BY segment""",
                (row, index) -> new Claim(row.getInt("segment"), row.getString("owner"),
                        position(row.getBytes("token"), row.getString("token_type")),
                        instant(row.getString("timestamp"))),
                processor);
    }

    /**
     * The lowest token position of each processor's segments in the token store, whichever instance holds them
     * (null for a processor with a segment that has no position yet). One query for all processors.
     */
    public Map<String, Long> lowestPositions() {
        Map<String, Long> lowest = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        jdbc.query("SELECT processor_name, token, token_type FROM axon.token_entry", (RowCallbackHandler) row -> {
            String processor = row.getString("processor_name");
            Long position = position(row.getBytes("token"), row.getString("token_type"));
            if (position == null) {
                unknown.add(processor);
            } else {
                lowest.merge(processor, position, Math::min);
            }
        });
        unknown.forEach(processor -> lowest.put(processor, null));
        return lowest;
    }

    private static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return null;
        }
    }

    private Long position(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        return tracking == null || tracking.position().isEmpty() ? null : tracking.position().getAsLong();
    }
}
