package io.unifiedcrm.crm.pipeline.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** Body of {@code PUT /api/v1/pipelines/{id}/stage-order}: every stage id of the pipeline once, in order. */
public record StageOrderRequest(
        @NotNull
        @Schema(example = "[\"5c2e0c4e-1f0a-4b8e-9f51-0d7a3c9e2b10\", \"0b6f4d2a-7c3e-4e1f-8a9b-3d5c7e9f1a20\"]")
        List<@NotNull UUID> stageIds) {
}
