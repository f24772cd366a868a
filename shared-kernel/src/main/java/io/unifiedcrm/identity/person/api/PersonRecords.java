package io.unifiedcrm.identity.person.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Platform records linked to a person in the 360, with their associations (from either end). */
public record PersonRecords(long count, List<LinkedRecord> recent) {

    /** One record with its associations. */
    public record LinkedRecord(UUID id, String objectType, String displayName, String status, Instant createdAt,
                               List<Association> associations) {
    }

    /** An association as seen from the record: the label from its end and the record at the other end. */
    public record Association(String label, UUID recordId, String objectType) {
    }
}
