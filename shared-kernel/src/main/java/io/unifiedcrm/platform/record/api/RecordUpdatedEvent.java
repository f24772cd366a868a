package io.unifiedcrm.platform.record.api;

import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The record's properties after the change (all of them), valid against {@code schemaVersion}. */
@Revision("1")
public record RecordUpdatedEvent(
        UUID recordId,
        UUID organizationId,
        String objectType,
        int schemaVersion,
        Map<String, Object> properties,
        String displayName,
        String uniqueValue,
        String previousUniqueValue) {
}
