package io.unifiedcrm.platform.record.api;

import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A record was created; its properties were valid against {@code schemaVersion} of its type. {@code uniqueValue}
 * is the canonical value of the type's unique property (or {@code null}), claimed for the organization.
 */
@Revision("1")
public record RecordCreatedEvent(
        UUID recordId,
        UUID organizationId,
        String objectType,
        UUID definitionId,
        int schemaVersion,
        Map<String, Object> properties,
        String displayName,
        UUID personId,
        UUID ownerId,
        UUID teamId,
        String uniqueValue) {
}
