package io.unifiedcrm.crm.pipeline.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pipeline with its stages in order; {@code isDefault}: the sales pipeline created with the organization. */
public record PipelineView(UUID id, String name, @JsonProperty("isDefault") boolean isDefault,
                           List<PipelineStageView> stages, Instant createdAt, Instant updatedAt, long version) {
}
