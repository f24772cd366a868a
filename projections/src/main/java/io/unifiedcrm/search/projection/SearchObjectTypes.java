package io.unifiedcrm.search.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * {@code system.search_object_type}: what the search group needs of each object type, kept from the
 * ObjectDefinition's events (this group reads no other group's tables). Idempotent by the definition's version.
 */
@Component
class SearchObjectTypes {

    private static final String READ = "search.objectTypes";

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final ReadModelJdbc jdbc;

    SearchObjectTypes(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An object type as far as search is concerned.
     *
     * @param stringProperties the top-level properties the schema in force declares as strings, sorted by name
     */
    record ObjectType(UUID definitionId, UUID organizationId, String name, boolean searchable,
                      String displayProperty, List<String> stringProperties, long version) {

        /** Whether records of this type and of {@code other} have the same documents. */
        boolean indexesLike(ObjectType other) {
            return searchable == other.searchable && displayProperty.equals(other.displayProperty)
                    && stringProperties.equals(other.stringProperties);
        }

        ObjectType with(boolean isSearchable, String newDisplayProperty, List<String> newStringProperties,
                        long newVersion) {
            return new ObjectType(definitionId, organizationId, name, isSearchable, newDisplayProperty,
                    newStringProperties, newVersion);
        }
    }

    void insertIfAbsent(ObjectType type) {
        forget();
        jdbc.update("""
                        INSERT INTO system.search_object_type (definition_id, organization_id, name, searchable,
                            display_property, string_properties, version)
                        VALUES (?, ?, ?, ?, ?, cast(? AS jsonb), ?) ON CONFLICT (definition_id) DO NOTHING""",
                type.definitionId(), type.organizationId(), type.name(), type.searchable(), type.displayProperty(),
                SearchDocuments.json(type.stringProperties()), type.version());
    }

    void update(ObjectType type) {
        forget();
        jdbc.update("""
                        UPDATE system.search_object_type SET searchable = ?, display_property = ?,
                            string_properties = cast(? AS jsonb), version = ?
                        WHERE definition_id = ? AND version < ?""",
                type.searchable(), type.displayProperty(), SearchDocuments.json(type.stringProperties()),
                type.version(), type.definitionId(), type.version());
    }

    /*
     * Object types are written at once (never deferred) and seldom, records often: what a batch read of them is
     * remembered until the batch writes a type, so a batch of record events reads each type once.
     */

    Optional<ObjectType> find(UUID definitionId) {
        return jdbc.<Object, Optional<ObjectType>>batchCache(READ).computeIfAbsent(definitionId,
                ignored -> jdbc.queryUntouched("SELECT * FROM system.search_object_type WHERE definition_id = ?",
                        SearchObjectTypes::row, definitionId).stream().findFirst());
    }

    Optional<ObjectType> find(UUID organizationId, String name) {
        return jdbc.<Object, Optional<ObjectType>>batchCache(READ).computeIfAbsent(List.of(organizationId, name),
                ignored -> jdbc.queryUntouched(
                        "SELECT * FROM system.search_object_type WHERE organization_id = ? AND name = ?",
                        SearchObjectTypes::row, organizationId, name).stream().findFirst());
    }

    private void forget() {
        jdbc.batchCache(READ).clear();
    }

    void deleteAll() {
        jdbc.update("DELETE FROM system.search_object_type");
    }

    /** The properties a JSON Schema declares as strings: {@code type} string (or a list with it), or string enums. */
    static List<String> stringPropertiesOf(Map<String, Object> schema) {
        if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
            return List.of();
        }
        return properties.entrySet().stream()
                .filter(property -> property.getValue() instanceof Map<?, ?> definition && declaresString(definition))
                .map(property -> String.valueOf(property.getKey())).sorted().toList();
    }

    private static boolean declaresString(Map<?, ?> definition) {
        Object type = definition.get("type");
        if ("string".equals(type) || type instanceof Collection<?> types && types.contains("string")) {
            return true;
        }
        return type == null && definition.get("enum") instanceof Collection<?> values && !values.isEmpty()
                && values.stream().allMatch(String.class::isInstance);
    }

    private static ObjectType row(java.sql.ResultSet row, int index) throws java.sql.SQLException {
        try {
            return new ObjectType(row.getObject("definition_id", UUID.class),
                    row.getObject("organization_id", UUID.class), row.getString("name"),
                    row.getBoolean("searchable"), row.getString("display_property"),
                    SearchDocuments.JSON.readValue(row.getString("string_properties"), NAMES), row.getLong("version"));
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("Unreadable string properties of " + row.getString("name"), unexpected);
        }
    }
}
