package io.unifiedcrm.platform.definition.api;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Records of {@code fromObjectType} may be associated with records of {@code toObjectType} under {@code label}. */
@Revision("1")
public record AssociationDefinedEvent(
        UUID definitionId,
        UUID organizationId,
        String fromObjectType,
        String toObjectType,
        String label,
        String inverseLabel,
        Integer maxPerRecord) {
}
