package io.unifiedcrm.platform.record.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The record was deleted: its unique value is free again and its associations (both ends) are gone. */
@Revision("1")
public record RecordDeletedEvent(UUID recordId, UUID organizationId, String objectType, String uniqueValue) {
}
