package io.unifiedcrm.platform.record.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RecordArchivedEvent(UUID recordId, UUID organizationId) {
}
