package io.unifiedcrm.platform.record.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Associates this record with {@code toRecordId} under {@code label}, a label the record's object type defines for
 * the other record's type. {@code toObjectType} is the other record's type as the command side knows it, or
 * {@code null} when there is no such record in the organization. Associating twice changes nothing.
 */
public record AssociateRecordsCommand(
        @TargetAggregateIdentifier UUID recordId,
        UUID organizationId,
        UUID toRecordId,
        String toObjectType,
        String label) {
}
