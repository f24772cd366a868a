package io.unifiedcrm.infrastructure.processing;

import java.time.Instant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializationException;
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

    /**
     * One segment's row: its owner (null when released), the position of its token (null before the first) and, while
     * the token is a replay's, the position the replay ends at (else null).
     */
    public record Claim(int segment, String owner, Long position, Instant claimedAt, Long resetPosition) {
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
                (row, index) -> claimOf(row), processor);
    }

    private Claim claimOf(ResultSet row) throws SQLException {
        TrackingToken token = tokenOf(row.getBytes("token"), row.getString("token_type"));
        Long resetPosition = token instanceof ReplayToken replay ? position(replay.getTokenAtReset()) : null;
        return new Claim(row.getInt("segment"), row.getString("owner"), position(token),
                instant(row.getString("timestamp")), resetPosition);
    }

    /** The segments of every processor, by processor: one query for all of them. */
    public Map<String, List<Claim>> all() {
        Map<String, List<Claim>> claims = new HashMap<>();
        jdbc.query("""
                SELECT processor_name, segment, owner, token, token_type, timestamp FROM axon.token_entry
                ORDER BY processor_name, segment""", (RowCallbackHandler) row -> claims
                .computeIfAbsent(row.getString("processor_name"), processor -> new ArrayList<>()).add(claimOf(row)));
        return claims;
    }

    private static Instant instant(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return null;
        }
    }

    /** The position of a token as the token store keeps it (bytes and type), or null when it has none or is unreadable. */
    public Long positionOf(byte[] token, String type) {
        return position(tokenOf(token, type));
    }

    private TrackingToken tokenOf(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        try {
            return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        } catch (SerializationException | ClassCastException unreadable) {
            return null;
        }
    }

    private static Long position(TrackingToken token) {
        return token == null || token.position().isEmpty() ? null : token.position().getAsLong();
    }
}
