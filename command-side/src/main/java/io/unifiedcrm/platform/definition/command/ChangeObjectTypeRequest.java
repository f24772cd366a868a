package io.unifiedcrm.platform.definition.command;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** Body of {@code PATCH /api/v1/object-definitions/{name}}: absent (or null) members stay as they are. */
public record ChangeObjectTypeRequest(
        @Schema(example = "subscriptions") String pluralName,
        @Schema(example = "{\"type\": \"object\", \"properties\": {\"plan\": {\"enum\": [\"basic\", \"pro\", "
                + "\"enterprise\"]}}}", description = "a new schema becomes the next schema version")
        Map<String, Object> schema,
        @Schema(example = "plan") String displayProperty,
        @Schema(example = "credit-card") String icon,
        @Schema(example = "#3366ff") String color,
        @Schema(example = "[\"search\"]") List<String> features,
        @Schema(example = "true", description = "an inactive type takes no new records") Boolean active) {
}
