package io.unifiedcrm.platform.record.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** Body of {@code PATCH /api/v1/records/{id}}: a JSON merge patch of the record, today of its properties. */
public record RecordPatchRequest(
        @NotNull @Schema(example = "{\"seats\": 20, \"renewsAt\": null}",
                description = "merged into the properties; null removes a property") Map<String, Object> properties) {
}
