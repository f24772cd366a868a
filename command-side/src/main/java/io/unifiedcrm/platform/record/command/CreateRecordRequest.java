package io.unifiedcrm.platform.record.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.UUID;

/** Body of {@code POST /api/v1/records}. */
public record CreateRecordRequest(
        @NotNull @Schema(example = "subscription") String objectType,
        @NotNull @Schema(example = "{\"plan\": \"pro\", \"seats\": 12, \"renewsAt\": \"2027-01-31\"}",
                description = "validated against the object type's JSON Schema") Map<String, Object> properties,
        @Schema(example = "7d3c8a4e-5f7b-4c1e-9a52-2f4b1e6c9d01", description = "a person of the organization")
        UUID personId,
        @Schema(example = "5b1f0c2e-8d4a-4e6b-9f3c-1a2b3c4d5e6f", description = "a person of the organization")
        UUID ownerId,
        @Schema(example = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b") UUID teamId) {
}
