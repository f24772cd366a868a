package io.unifiedcrm.crm.pipeline.api;

import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a pipeline with its stages in this order; at least one stage must be open. {@code isDefault} marks the
 * sales pipeline every organization gets at its creation (never set by a client).
 */
public record CreatePipelineCommand(@TargetAggregateIdentifier UUID pipelineId, UUID organizationId, String name,
                                    List<NewPipelineStage> stages, boolean isDefault) {
}
