package io.unifiedcrm.platform.definition.api;

import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The object type has a new schema, {@code schemaVersion} (2, 3, ...). */
@Revision("1")
public record ObjectSchemaChangedEvent(UUID definitionId, UUID organizationId, String name, int schemaVersion,
                                       Map<String, Object> schema) {
}
