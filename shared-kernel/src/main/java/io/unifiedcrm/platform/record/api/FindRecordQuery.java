package io.unifiedcrm.platform.record.api;

import java.util.UUID;

/** Answered with an {@code Optional<RecordView>}; another organization's record is not found. */
public record FindRecordQuery(UUID organizationId, UUID recordId, boolean includeAssociations) {
}
