package io.unifiedcrm.platform.record.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An archived record is active again. */
@Revision("1")
public record RecordRestoredEvent(UUID recordId, UUID organizationId) {
}
