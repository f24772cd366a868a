package io.unifiedcrm.identity.person.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/v1/persons/{id}/merge}: the person to merge into this one. */
public record MergePersonRequest(
        @NotNull @Schema(example = "7d3c8a4e-5f7b-4c1e-9a52-2f4b1e6c9d01") UUID sourcePersonId,
        @Schema(example = "true", description = "answer the merged profile without merging") Boolean dryRun) {
}
