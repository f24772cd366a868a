package io.unifiedcrm.platform.record.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Body of {@code POST /api/v1/records/{id}/associations}. */
public record AssociateRecordRequest(
        @NotNull @Schema(example = "3f2e1d0c-9b8a-4765-8432-10fedcba9876") UUID toRecordId,
        @NotNull @Schema(example = "customer", description = "a label this record's type defines for the other's")
        String label) {
}
