package io.unifiedcrm.platform.record.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record DeleteRecordCommand(@TargetAggregateIdentifier UUID recordId, UUID organizationId,
                                @TargetAggregateVersion Long expectedVersion) {
}
