package io.unifiedcrm.platform.record.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A record; {@code associations} only when asked for ({@code include=associations}). */
public record RecordView(
        UUID id,
        String objectType,
        String displayName,
        Map<String, Object> properties,
        int schemaVersion,
        String status,
        UUID personId,
        UUID ownerId,
        UUID teamId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AssociationView> associations,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public RecordView withAssociations(List<AssociationView> recordAssociations) {
        return new RecordView(id, objectType, displayName, properties, schemaVersion, status, personId, ownerId,
                teamId, recordAssociations, version, createdAt, updatedAt);
    }
}
