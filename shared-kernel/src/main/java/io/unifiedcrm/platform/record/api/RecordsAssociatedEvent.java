package io.unifiedcrm.platform.record.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** This record is associated with {@code toRecordId}: {@code label} seen from here, {@code inverseLabel} from there. */
@Revision("1")
public record RecordsAssociatedEvent(
        UUID recordId,
        UUID organizationId,
        String fromObjectType,
        UUID toRecordId,
        String toObjectType,
        String label,
        String inverseLabel) {
}
