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

    @QueryHandler
    List<ObjectDefinitionView> handle(FindObjectDefinitionsQuery query) {
        return jdbc.query("SELECT * FROM platform.object_definition WHERE organization_id = ? ORDER BY name",
                this::view, query.organizationId());
    }

    @QueryHandler
    Optional<ObjectDefinitionView> handle(FindObjectDefinitionQuery query) {
        return find(query.organizationId(), query.name());
    }

    public Optional<ObjectDefinitionView> find(UUID organizationId, String name) {
        return jdbc.query("SELECT * FROM platform.object_definition WHERE organization_id = ? AND name = ?",
                this::view, organizationId, name).stream().findFirst();
    }

    private ObjectDefinitionView view(ResultSet row, int index) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        List<AssociationDefinitionView> associations = jdbc.query("""
                        SELECT to_object_type, label, inverse_label, max_per_record
                        FROM platform.association_definition WHERE definition_id = ? ORDER BY label""",
                (association, i) -> new AssociationDefinitionView(association.getString(1),
                        association.getString(2), association.getString(3),
                        association.getObject(4, Integer.class)), id);
        return new ObjectDefinitionView(id, row.getString("name"), row.getString("plural_name"),
                read(row.getString("schema"), new TypeReference<Map<String, Object>>() { }),
                row.getInt("schema_version"), row.getString("display_property"), row.getString("icon"),
                row.getString("color"), read(row.getString("features"), new TypeReference<List<String>>() { }),
                row.getString("unique_property"), row.getBoolean("is_system"), row.getBoolean("active"),
                associations, row.getLong("version"), row.getObject("created_at", Timestamp.class).toInstant(),
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
