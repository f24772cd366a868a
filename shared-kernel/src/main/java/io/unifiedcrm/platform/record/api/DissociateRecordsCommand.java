package io.unifiedcrm.platform.record.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes this record's association with {@code toRecordId} under {@code label}; a missing one changes nothing. */
public record DissociateRecordsCommand(
        @TargetAggregateIdentifier UUID recordId,
        UUID organizationId,
        UUID toRecordId,
        String label) {
}
