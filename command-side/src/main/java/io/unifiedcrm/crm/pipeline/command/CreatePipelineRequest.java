package io.unifiedcrm.crm.pipeline.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Body of {@code POST /api/v1/pipelines}: a pipeline with its stages in order (at least one open). */
public record CreatePipelineRequest(
        @NotNull @Schema(example = "Enterprise sales", maxLength = 200) String name,
        @NotNull @Schema(example = "[{\"name\": \"Discovery\", \"probability\": 10}, {\"name\": \"Proposal\", "
                + "\"probability\": 50, \"forecastCategory\": \"best_case\"}, {\"name\": \"Won\", "
                + "\"probability\": 100, \"isClosed\": true, \"isWon\": true}, {\"name\": \"Lost\", "
                + "\"probability\": 0, \"isClosed\": true}]",
                description = "at most 50")
        List<@Valid @NotNull StageRequest> stages) {
}
