package io.unifiedcrm.platform.definition.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/object-definitions/{name}/associations}. */
public record DefineAssociationRequest(
        @NotNull @Schema(example = "company") String toObjectType,
        @NotNull @Schema(example = "customer") String label,
        @NotNull @Schema(example = "subscription") String inverseLabel,
        @Schema(example = "1", description = "at most this many per record (optional)") Integer maxPerRecord) {
}
