package io.unifiedcrm.platform.record.api;

import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Applies {@code propertiesPatch} (JSON merge patch: null removes a property) and validates the result. */
public record UpdateRecordCommand(
        @TargetAggregateIdentifier UUID recordId,
        UUID organizationId,
        Map<String, Object> propertiesPatch,
        @TargetAggregateVersion Long expectedVersion) {
}
