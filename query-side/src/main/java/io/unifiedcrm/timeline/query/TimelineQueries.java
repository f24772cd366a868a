package io.unifiedcrm.timeline.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.identity.person.query.MergedPersons;
import io.unifiedcrm.timeline.api.FindTimelineQuery;
import io.unifiedcrm.timeline.api.TimelineEntryView;
import io.unifiedcrm.timeline.api.TimelinePage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a person's timeline: the entries of the person and of everybody merged into them, newest first. An event that
 * concerns two of those persons (a deal handed from one to the other) is listed once, as the entry of the person
 * closest to the one asked for.
 */
@Component
class TimelineQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    TimelineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<TimelinePage> handle(FindTimelineQuery query) {
        Integer known = jdbc.queryForObject("SELECT count(*) FROM identity.person WHERE id = ? AND organization_id = ?",
                Integer.class, query.personId(), query.organizationId());
        if (known == null || known == 0) {
            return Optional.empty();
        }
        String categories = query.categories() == null || query.categories().isEmpty() ? null
                : String.join(",", query.categories());
        Timestamp before = query.beforeOccurredAt() == null ? null : Timestamp.from(query.beforeOccurredAt());
        List<Entry> entries = jdbc.query(MergedPersons.CTE + """
                        SELECT e.* FROM system.timeline_entry e JOIN merged m ON m.id = e.person_id
                        WHERE e.organization_id = ?
                          AND (cast(? AS text) IS NULL OR e.category = ANY (string_to_array(?, ',')))
                          AND (cast(? AS timestamptz) IS NULL OR (e.occurred_at, e.event_position) < (?, ?))
                          AND NOT EXISTS (SELECT 1 FROM system.timeline_entry o JOIN merged n ON n.id = o.person_id
                                          WHERE o.event_id = e.event_id
                                            AND (n.depth, o.person_id) < (m.depth, e.person_id))
                        ORDER BY e.occurred_at DESC, e.event_position DESC
                        LIMIT ?""",
                (row, index) -> new Entry(view(row), row.getLong("event_position")),
                query.personId(), query.organizationId(), query.organizationId(), categories, categories, before,
                before, query.beforePosition(), query.limit() + 1);
        boolean hasMore = entries.size() > query.limit();
        List<Entry> page = hasMore ? entries.subList(0, query.limit()) : entries;
        Long lastPosition = page.isEmpty() ? null : page.get(page.size() - 1).position();
        return Optional.of(new TimelinePage(page.stream().map(Entry::view).toList(), hasMore, lastPosition));
    }

    private record Entry(TimelineEntryView view, long position) {
    }

    private static TimelineEntryView view(ResultSet row) throws SQLException {
        return new TimelineEntryView(row.getString("event_id"), row.getObject("person_id", UUID.class),
                row.getObject("occurred_at", Timestamp.class).toInstant(), row.getString("category"),
                row.getString("type"), row.getString("summary"), details(row.getString("details")),
                row.getObject("aggregate_id", UUID.class), row.getString("actor"), row.getString("correlation_id"));
    }

    private static Map<String, Object> details(String json) {
        try {
            return JSON.readValue(json, DETAILS);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("Unreadable timeline details", unreadable);
        }
    }
}
