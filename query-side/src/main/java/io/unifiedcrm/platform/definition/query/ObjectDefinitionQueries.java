package io.unifiedcrm.platform.definition.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.platform.definition.api.AssociationDefinitionView;
import io.unifiedcrm.platform.definition.api.FindObjectDefinitionQuery;
import io.unifiedcrm.platform.definition.api.FindObjectDefinitionsQuery;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionView;
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

/** Reads {@code platform.object_definition} with its association definitions, within one organization. */
@Component
public class ObjectDefinitionQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public ObjectDefinitionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A definition with its association definitions as a JSON array: one statement for any number of them. */
    private static final String SELECT = """
            SELECT d.*, (SELECT coalesce(jsonb_agg(jsonb_build_object('toObjectType', a.to_object_type,
                                     'label', a.label, 'inverseLabel', a.inverse_label,
                                     'maxPerRecord', a.max_per_record) ORDER BY a.label), '[]'::jsonb)
                         FROM platform.association_definition a WHERE a.definition_id = d.id) AS associations
            FROM platform.object_definition d
            """;

    @QueryHandler
    List<ObjectDefinitionView> handle(FindObjectDefinitionsQuery query) {
        return jdbc.query(SELECT + "WHERE d.organization_id = ? AND (cast(? AS text) IS NULL OR d.name > ?) "
                + "ORDER BY d.name LIMIT ?", ObjectDefinitionQueries::view, query.organizationId(), query.afterName(),
                query.afterName(), query.limit() + 1);
    }

    @QueryHandler
    Optional<ObjectDefinitionView> handle(FindObjectDefinitionQuery query) {
        return find(query.organizationId(), query.name());
    }

    public Optional<ObjectDefinitionView> find(UUID organizationId, String name) {
        return jdbc.query(SELECT + "WHERE d.organization_id = ? AND d.name = ?", ObjectDefinitionQueries::view,
                organizationId, name).stream().findFirst();
    }

    private static ObjectDefinitionView view(ResultSet row, int index) throws SQLException {
        return new ObjectDefinitionView(row.getObject("id", UUID.class), row.getString("name"),
                row.getString("plural_name"),
                read(row.getString("schema"), new TypeReference<Map<String, Object>>() { }),
                row.getInt("schema_version"), row.getString("display_property"), row.getString("icon"),
                row.getString("color"), read(row.getString("features"), new TypeReference<List<String>>() { }),
                row.getString("unique_property"), row.getBoolean("is_system"), row.getBoolean("active"),
                read(row.getString("associations"), new TypeReference<List<AssociationDefinitionView>>() { }),
                row.getLong("version"), row.getObject("created_at", Timestamp.class).toInstant(),
                row.getObject("updated_at", Timestamp.class).toInstant());
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("A platform.object_definition column is not the JSON it should be",
                    corrupt);
        }
    }
}
