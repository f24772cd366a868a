package io.unifiedcrm.search.projection;

import io.unifiedcrm.platform.definition.api.ObjectDefinitionChangedEvent;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionCreatedEvent;
import io.unifiedcrm.platform.definition.api.ObjectFeature;
import io.unifiedcrm.platform.definition.api.ObjectSchemaChangedEvent;
import io.unifiedcrm.platform.record.api.RecordArchivedEvent;
import io.unifiedcrm.platform.record.api.RecordCreatedEvent;
import io.unifiedcrm.platform.record.api.RecordDeletedEvent;
import io.unifiedcrm.platform.record.api.RecordRestoredEvent;
import io.unifiedcrm.platform.record.api.RecordUpdatedEvent;
import io.unifiedcrm.search.api.SearchType;
import io.unifiedcrm.search.projection.SearchObjectTypes.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Search documents of platform records: {@code company} documents for records of the system type company (found by
 * name and domain, the domain also exactly), {@code record} documents for every other type. A record is found while
 * its type has the {@code search} feature (else its document is {@code unsearchable}) and it is not archived or
 * deleted; it is found by its display name (weight A) and the string properties its type's schema in force declares
 * (weight B), and exactly by its unique value. A change of the type's features, display property or declared string
 * properties rebuilds the documents of all its records: the platform's events are sequenced per organization in this
 * group (see {@link SearchProcessingGroup}), so the type's state here is always the one in force when a record event
 * is applied, live and in a replay.
 */
@Component
@ProcessingGroup(SearchProcessingGroup.NAME)
class RecordSearchProjection {

    private static final int REBUILD_PAGE = 500;

    private final SearchDocuments documents;
    private final SearchObjectTypes types;

    RecordSearchProjection(SearchDocuments documents, SearchObjectTypes types) {
        this.documents = documents;
        this.types = types;
    }

    @EventHandler
    void on(ObjectDefinitionCreatedEvent event, @SequenceNumber long sequenceNumber) {
        types.insertIfAbsent(new ObjectType(event.definitionId(), event.organizationId(), event.name(),
                searchable(event.features()), event.displayProperty(),
                SearchObjectTypes.stringPropertiesOf(event.schema()), sequenceNumber));
    }

    @EventHandler
    void on(ObjectSchemaChangedEvent event, @SequenceNumber long sequenceNumber) {
        changeType(event.definitionId(), sequenceNumber, type -> type.with(type.searchable(), type.displayProperty(),
                SearchObjectTypes.stringPropertiesOf(event.schema()), sequenceNumber));
    }

    @EventHandler
    void on(ObjectDefinitionChangedEvent event, @SequenceNumber long sequenceNumber) {
        changeType(event.definitionId(), sequenceNumber, type -> type.with(searchable(event.features()),
                event.displayProperty(), type.stringProperties(), sequenceNumber));
    }

    @EventHandler
    void on(RecordCreatedEvent event, @SequenceNumber long sequenceNumber) {
        ObjectType type = types.find(event.definitionId()).orElse(null);
        documents.insertIfAbsent(new RecordSource(event.objectType(), event.displayName(), event.properties(),
                event.uniqueValue(), "active").document(event.recordId(), event.organizationId(), type,
                sequenceNumber));
    }

    @EventHandler
    void on(RecordUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.recordId(), sequenceNumber, record -> new RecordSource(record.objectType(), event.displayName(),
                event.properties(), event.uniqueValue(), record.status()));
    }

    @EventHandler
    void on(RecordArchivedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.recordId(), sequenceNumber, record -> record.withStatus("archived"));
    }

    @EventHandler
    void on(RecordRestoredEvent event, @SequenceNumber long sequenceNumber) {
        change(event.recordId(), sequenceNumber, record -> record.withStatus("active"));
    }

    /** The document stays as a tombstone without content: an earlier event applied again cannot bring it back. */
    @EventHandler
    void on(RecordDeletedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.recordId(), sequenceNumber, record -> new RecordSource(record.objectType(), null, Map.of(), null,
                "deleted"));
    }

    @ResetHandler
    void reset() {
        documents.deleteAll(SearchType.COMPANY, SearchType.RECORD);
        types.deleteAll();
    }

    private void change(UUID recordId, long sequenceNumber, UnaryOperator<RecordSource> change) {
        documents.find(recordId, SearchType.COMPANY, SearchType.RECORD)
                .filter(stored -> stored.version() < sequenceNumber)
                .ifPresent(stored -> {
                    RecordSource record = change.apply(stored.source(RecordSource.class));
                    ObjectType type = types.find(stored.organizationId(), record.objectType()).orElse(null);
                    documents.update(record.document(recordId, stored.organizationId(), type, sequenceNumber));
                });
    }

    private void changeType(UUID definitionId, long sequenceNumber, UnaryOperator<ObjectType> change) {
        types.find(definitionId).filter(type -> type.version() < sequenceNumber).ifPresent(type -> {
            ObjectType changed = change.apply(type);
            types.update(changed);
            if (!changed.indexesLike(type)) {
                rebuildRecordsOf(changed);
            }
        });
    }

    /** Rebuilds the documents of the type's records, a page at a time in id order. */
    private void rebuildRecordsOf(ObjectType type) {
        UUID after = null;
        List<SearchDocuments.Stored> page;
        do {
            page = documents.recordsOfType(type.organizationId(), type.name(), after, REBUILD_PAGE);
            for (SearchDocuments.Stored stored : page) {
                documents.rebuild(stored.source(RecordSource.class).document(stored.id(), stored.organizationId(),
                        type, stored.version()));
                after = stored.id();
            }
        } while (page.size() == REBUILD_PAGE);
    }

    private static boolean searchable(List<String> features) {
        return features != null && features.contains(ObjectFeature.SEARCH.code());
    }

    /** What a record's document is built from: the record's state (its type's comes from search_object_type). */
    record RecordSource(String objectType, String displayName, Map<String, Object> properties, String uniqueValue,
                        String status) {

        RecordSource {
            properties = properties == null ? Map.of() : properties;
        }

        RecordSource withStatus(String newStatus) {
            return new RecordSource(objectType, displayName, properties, uniqueValue, newStatus);
        }

        /**
         * Title: the display name (else the type's name); subtitle: a company's domain, a record's type. Status: the
         * record's, or {@code unsearchable} while its type lacks the search feature ({@code type} {@code null}: an
         * unknown type, not searchable).
         */
        SearchDocument document(UUID recordId, UUID organizationId, ObjectType type, long version) {
            SearchType searchType = SearchType.ofObjectType(objectType);
            if ("deleted".equals(status)) {
                return new SearchDocument(searchType, recordId, organizationId, objectType, "deleted", "", null,
                        List.of(), "", List.of(), this, version);
            }
            String display = displayName == null || displayName.isBlank() ? null : displayName.strip();
            String displayProperty = type == null ? "displayName" : type.displayProperty();
            String domain = searchType == SearchType.COMPANY ? text("domain") : null;
            List<SearchField> fields = new ArrayList<>();
            SearchField.addTo(fields, SearchField.a(displayProperty, display));
            SearchField.addTo(fields, SearchField.a("domain", domain));
            for (String property : type == null ? List.<String>of() : type.stringProperties()) {
                if (!property.equals(displayProperty) && !(domain != null && property.equals("domain"))) {
                    SearchField.addTo(fields, SearchField.b(property, text(property)));
                }
            }
            List<String> keys = new ArrayList<>();
            keys.add(uniqueValue);
            keys.add(domain);
            String documentStatus = type == null || !type.searchable() ? "unsearchable"
                    : "archived".equals(status) ? "archived" : SearchDocument.ACTIVE;
            return new SearchDocument(searchType, recordId, organizationId, objectType, documentStatus,
                    display == null ? objectType : display, searchType == SearchType.COMPANY ? domain : objectType,
                    fields, display, SearchDocument.keys(keys), this, version);
        }

        private String text(String property) {
            return properties.get(property) instanceof String value ? value : null;
        }
    }
}
