package io.unifiedcrm.platform.record.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.platform.record.api.AssociationView;
import io.unifiedcrm.platform.record.api.FindRecordQuery;
import io.unifiedcrm.platform.record.api.FindRecordsQuery;
import io.unifiedcrm.platform.record.api.PropertyFilter;
import io.unifiedcrm.platform.record.api.PropertySort;
import io.unifiedcrm.platform.record.api.RecordPage;
import io.unifiedcrm.platform.record.api.RecordView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code platform.record} within one organization. Property filters become SQL on the {@code jsonb}
 * column — equality as containment ({@code @>}, served by the GIN index), ranges on the value cast to the type the
 * schema gives the property (a value of another type counts as missing) — with every property name and value a
 * bind parameter. Pages are keyset pages: by the sort property (missing values last) and id, or by creation.
 */
@Component
class RecordQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    RecordQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<RecordView> handle(FindRecordQuery query) {
        Optional<RecordView> record = jdbc.query("SELECT r.* FROM platform.record r WHERE r.organization_id = ? "
                + "AND r.id = ?", RecordQueries::view, query.organizationId(), query.recordId()).stream().findFirst();
        return query.includeAssociations()
                ? record.map(found -> found.withAssociations(associationsOf(query.organizationId(), found.id())))
                : record;
    }

    @QueryHandler
    RecordPage handle(FindRecordsQuery query) {
        PropertySort sort = query.sort();
        SqlBuilder sql = new SqlBuilder().append("SELECT r.*");
        if (sort != null) {
            // the cursor holds the value as the sort saw it (a value of another type sorts, and pages, as missing)
            sql.append(", to_json(");
            PropertyConditions.typed(sql, sort.property(), sort.type());
            sql.append(") #>> '{}' AS sort_text");
        }
        sql.append(" FROM platform.record r WHERE r.organization_id = ? AND r.object_type = ?",
                query.organizationId(), query.objectType());
        for (PropertyFilter filter : query.filters()) {
            sql.append(" AND ");
            PropertyConditions.condition(sql, filter);
        }
        if (sort == null) {
            if (query.afterId() != null) {
                sql.append(" AND (r.created_at, r.id) > (?, ?)",
                        Timestamp.from(Instant.parse(query.afterCreatedAt())), query.afterId());
            }
            sql.append(" ORDER BY r.created_at, r.id");
        } else {
            if (query.afterId() != null) {
                sql.append(" AND ");
                PropertyConditions.after(sql, sort, query.afterSortValue(), query.afterId());
            }
            sql.append(" ORDER BY ");
            PropertyConditions.typed(sql, sort.property(), sort.type());
            sql.append(sort.descending() ? " DESC NULLS LAST, r.id" : " ASC NULLS LAST, r.id");
        }
        sql.append(" LIMIT ?", query.limit() + 1);
        List<SortedRecord> rows = jdbc.query(sql.sql(), (row, index) -> new SortedRecord(view(row, index),
                sort == null ? null : row.getString("sort_text")), sql.parameters());
        boolean hasMore = rows.size() > query.limit();
        List<SortedRecord> page = hasMore ? rows.subList(0, query.limit()) : rows;
        return new RecordPage(page.stream().map(SortedRecord::record).toList(), hasMore,
                page.isEmpty() ? null : page.get(page.size() - 1).sortValue());
    }

    private record SortedRecord(RecordView record, String sortValue) {
    }

    private List<AssociationView> associationsOf(UUID organizationId, UUID recordId) {
        return jdbc.query("""
                        SELECT a.to_record_id AS other, a.to_object_type AS type, a.label, r.display_name
                        FROM platform.association a LEFT JOIN platform.record r ON r.id = a.to_record_id
                        WHERE a.organization_id = ? AND a.from_record_id = ?
                        UNION ALL
                        SELECT a.from_record_id, a.from_object_type, a.inverse_label, r.display_name
                        FROM platform.association a LEFT JOIN platform.record r ON r.id = a.from_record_id
                        WHERE a.organization_id = ? AND a.to_record_id = ?
                        ORDER BY 3, 2, 1""",
                (row, index) -> new AssociationView(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4)),
                organizationId, recordId, organizationId, recordId);
    }

    private static RecordView view(ResultSet row, int index) throws SQLException {
        try {
            return new RecordView(row.getObject("id", UUID.class), row.getString("object_type"),
                    row.getString("display_name"), JSON.readValue(row.getString("properties"), PROPERTIES),
                    row.getInt("schema_version"), row.getString("status"), row.getObject("person_id", UUID.class),
                    row.getObject("owner_id", UUID.class), row.getObject("team_id", UUID.class), null,
                    row.getLong("version"), row.getObject("created_at", Timestamp.class).toInstant(),
                    row.getObject("updated_at", Timestamp.class).toInstant());
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("platform.record.properties is not a JSON object", corrupt);
        }
    }
}
