package io.unifiedcrm.standalone;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database says about the projections, read directly (not through any application): the head of the event
 * store and every segment's owner and position in {@code axon.token_entry}.
 */
final class TokenTable {

    /** A segment's row; {@code position} is the global index it has handled up to (-1 before the first event). */
    record Segment(String group, int segment, String owner, long position) {
    }

    private final JdbcTemplate jdbc;

    TokenTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long head() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM axon.domain_event_entry", Long.class);
    }

    long events() {
        return jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
    }

    /** The events whose payload is of one of the types (or a subtype of one). */
    long eventsOfTypes(java.util.Set<Class<?>> types) {
        long events = 0;
        for (var row : jdbc.queryForList("SELECT payload_type, count(*) AS events FROM axon.domain_event_entry "
                + "GROUP BY payload_type")) {
            Class<?> payloadType;
            try {
                payloadType = Class.forName((String) row.get("payload_type"));
            } catch (ClassNotFoundException unknown) {
                continue;
            }
            if (types.stream().anyMatch(type -> type.isAssignableFrom(payloadType))) {
                events += ((Number) row.get("events")).longValue();
            }
        }
        return events;
    }

    /** The segments of the groups, in group and segment order; a replay's token counts by its current position. */
    List<Segment> segments(List<String> groups) {
        return jdbc.query("""
                        SELECT processor_name, segment, owner, coalesce(
                                (token_json ->> 'index')::bigint,
                                (token_json -> 'currentToken' ->> 'index')::bigint, -1) AS position
                        FROM (SELECT processor_name, segment, owner, convert_from(token, 'UTF8')::jsonb AS token_json
                              FROM axon.token_entry WHERE processor_name = ANY (?)) t
                        ORDER BY processor_name, segment""",
                (row, number) -> new Segment(row.getString(1), row.getInt(2), row.getString(3), row.getLong(4)),
                (Object) groups.toArray(String[]::new));
    }

    /** Every dead letter, as "group: cause". */
    List<String> deadLetters() {
        return jdbc.queryForList("SELECT processing_group || ': ' || coalesce(cause_message, '') "
                + "FROM axon.dead_letter_entry", String.class);
    }
}
