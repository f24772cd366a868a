package io.unifiedcrm.search.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.projection.runtime.Footprint;
import io.unifiedcrm.search.api.SearchType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Writes and reads {@code system.search_document}. Every write of an event is guarded by the entity's version (the
 * aggregate sequence number): a row is inserted only if absent and changed only by a later event, so an event applied
 * twice changes nothing. The full-text vector and the folded names are computed by the database
 * ({@link #VECTOR}, {@code system.search_fold}) from what the builders computed.
 */
@Component
class SearchDocuments {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final String TABLE = "system.search_document";
    /**
     * The full-text vector of a document from its weight-A and other texts: what {@code system.search_vector(fields)}
     * computes (V3_19), with the texts joined here rather than by a SQL function per row — a third of a document's
     * cost in the database.
     */
    private static final String VECTOR = "setweight(to_tsvector('simple', unaccent(cast(? AS text))), 'A') "
            + "|| setweight(to_tsvector('simple', unaccent(cast(? AS text))), 'B')";
    private static final String INSERT = """
            INSERT INTO system.search_document (type, id, organization_id, object_type, status, title,
            subtitle, fields, document, search_text, exact_keys, source, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), %1$s,
            system.search_fold(cast(? AS text)), cast(? AS text[]), cast(? AS jsonb), ?)
            ON CONFLICT (type, id) DO NOTHING""".formatted(VECTOR);
    private static final String UPDATE = """
            UPDATE system.search_document SET status = ?, title = ?, subtitle = ?, fields = cast(? AS jsonb),
            document = %1$s, search_text = system.search_fold(?),
            exact_keys = cast(? AS text[]), source = cast(? AS jsonb), version = ?
            WHERE type = ? AND id = ? AND version < ?""".formatted(VECTOR);

    /** Documents as they are once the batch's pending writes are applied (absent: known to have no row). */
    private static final String KNOWN = "search.knownDocuments";
    /** Documents written in the batch whose outcome is not known without reading them. */
    private static final String UNKNOWN = "search.unknownDocuments";

    private final ReadModelJdbc jdbc;

    SearchDocuments(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored document's state and version. */
    record Stored(SearchType type, UUID id, UUID organizationId, String source, long version) {

        <T> T source(Class<T> type) {
            try {
                return JSON.readValue(source, type);
            } catch (JsonProcessingException unexpected) {
                throw new IllegalStateException("Unreadable search document source of " + id, unexpected);
            }
        }
    }

    void insertIfAbsent(SearchDocument document) {
        Map<UUID, Optional<Stored>> known = jdbc.batchCache(KNOWN);
        Optional<Stored> before = known.get(document.id());
        if (before == null) {
            jdbc.<UUID, Boolean>batchCache(UNKNOWN).put(document.id(), true);
        } else if (before.isEmpty()) {
            known.put(document.id(), Optional.of(stored(document)));
        }
        jdbc.write(Footprint.row(TABLE, document.id()), INSERT,
                document.type().code(), document.id(), document.organizationId(), document.objectType(),
                document.status(), document.title(), document.subtitle(), json(document.fields()),
                weighted(document, true), weighted(document, false), document.fuzzyText(),
                document.exactKeys().toArray(String[]::new), json(document.source()), document.version());
    }

    /** Replaces the document if the stored one is older than {@code document.version()}. */
    void update(SearchDocument document) {
        update(document, document.version());
    }

    /**
     * Rebuilds a document in place, keeping its version: after its object type changed (the type's events are
     * applied in order with the records' events of the organization).
     */
    void rebuild(SearchDocument document) {
        update(document, document.version() + 1);
    }

    private void update(SearchDocument document, long olderThan) {
        Map<UUID, Optional<Stored>> known = jdbc.batchCache(KNOWN);
        Optional<Stored> before = known.get(document.id());
        if (before == null) {
            jdbc.<UUID, Boolean>batchCache(UNKNOWN).put(document.id(), true);
        } else if (before.filter(stored -> stored.version() < olderThan).isPresent()) {
            known.put(document.id(), Optional.of(stored(document)));
        }
        jdbc.write(Footprint.row(TABLE, document.id()), UPDATE,
                document.status(), document.title(), document.subtitle(), json(document.fields()),
                weighted(document, true), weighted(document, false), document.fuzzyText(),
                document.exactKeys().toArray(String[]::new), json(document.source()), document.version(),
                document.type().code(), document.id(), olderThan);
    }

    /**
     * The stored document of the entity with this id and one of these types, if any. What the batch wrote is read
     * from memory where its outcome is known; other documents are read without sending the batch's pending writes
     * first, unless one of them is for this entity.
     */
    Optional<Stored> find(UUID id, SearchType... types) {
        Map<UUID, Optional<Stored>> known = jdbc.batchCache(KNOWN);
        Optional<Stored> stored = known.get(id);
        if (stored == null) {
            Map<UUID, Boolean> unknown = jdbc.batchCache(UNKNOWN);
            if (unknown.containsKey(id)) {
                jdbc.flush();
                unknown.clear();
            }
            stored = jdbc.queryUntouched("""
                            SELECT type, id, organization_id, source::text AS source, version
                            FROM system.search_document WHERE id = ?""",
                    (row, index) -> new Stored(SearchType.of(row.getString("type")).orElseThrow(),
                            row.getObject("id", UUID.class), row.getObject("organization_id", UUID.class),
                            row.getString("source"), row.getLong("version")),
                    id).stream().findFirst();
            known.put(id, stored);
        }
        List<SearchType> wanted = Arrays.asList(types);
        return stored.filter(document -> wanted.contains(document.type()));
    }

    /**
     * The texts of the document's fields of weight A ({@code a}) or of the other weights, in order, joined by a
     * space; empty when there is none (as {@code system.search_vector} aggregates them).
     */
    static String weighted(SearchDocument document, boolean a) {
        return document.fields().stream()
                .filter(field -> field.weight() != null && field.weight().equals("A") == a)
                .map(SearchField::text).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private static Stored stored(SearchDocument document) {
        return new Stored(document.type(), document.id(), document.organizationId(), json(document.source()),
                document.version());
    }

    /** The next {@code size} documents of the organization's records of an object type, in id order after {@code afterId}. */
    List<Stored> recordsOfType(UUID organizationId, String objectType, UUID afterId, int size) {
        return jdbc.query("""
                        SELECT type, id, organization_id, source::text AS source, version FROM system.search_document
                        WHERE organization_id = ? AND object_type = ? AND type IN ('company', 'record')
                          AND status <> 'deleted' AND (cast(? AS uuid) IS NULL OR id > ?)
                        ORDER BY id LIMIT ?""",
                (row, index) -> new Stored(SearchType.of(row.getString("type")).orElseThrow(),
                        row.getObject("id", UUID.class), row.getObject("organization_id", UUID.class),
                        row.getString("source"), row.getLong("version")),
                organizationId, objectType, afterId, afterId, size);
    }

    void deleteAll(SearchType... types) {
        jdbc.update("DELETE FROM system.search_document WHERE type = ANY(string_to_array(?, ','))", codes(types));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException unexpected) {
            throw new IllegalStateException("Search document data that is not JSON", unexpected);
        }
    }

    private static String codes(SearchType... types) {
        return String.join(",", Arrays.stream(types).map(SearchType::code).toList());
    }
}
