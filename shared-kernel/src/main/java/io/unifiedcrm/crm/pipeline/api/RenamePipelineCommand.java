package io.unifiedcrm.crm.pipeline.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RenamePipelineCommand(@TargetAggregateIdentifier UUID pipelineId, UUID organizationId, String name,
                                    @TargetAggregateVersion Long expectedVersion) {
}
