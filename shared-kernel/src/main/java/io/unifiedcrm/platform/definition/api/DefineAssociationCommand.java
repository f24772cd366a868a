package io.unifiedcrm.platform.definition.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Defines a labelled association from this object type to {@code toObjectType} (e.g. contact → company,
 * {@code employer}/{@code employee}); {@code maxPerRecord} (optional) caps how many a record may have of it.
 * {@code toObjectTypeExists} is whether the organization has that object type, as the command side knows it.
 */
public record DefineAssociationCommand(
        @TargetAggregateIdentifier UUID definitionId,
        UUID organizationId,
        String toObjectType,
        boolean toObjectTypeExists,
        String label,
        String inverseLabel,
        Integer maxPerRecord) {
}
