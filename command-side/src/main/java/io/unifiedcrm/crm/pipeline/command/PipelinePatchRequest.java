package io.unifiedcrm.crm.pipeline.command;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code PATCH /api/v1/pipelines/{id}}: an absent (or null) name stays as it is. */
public record PipelinePatchRequest(@Schema(example = "New business", maxLength = 200) String name) {
}
