package io.unifiedcrm.platform.definition.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /api/v1/object-definitions}. */
public record DefineObjectTypeRequest(
        @NotNull @Schema(example = "subscription", description = "immutable: [a-z][a-z0-9_]{0,62}") String name,
        @NotNull @Schema(example = "subscriptions") String pluralName,
        @NotNull @Schema(example = "{\"type\": \"object\", \"required\": [\"plan\"], \"properties\": {"
                + "\"plan\": {\"enum\": [\"basic\", \"pro\"]}, \"seats\": {\"type\": \"integer\", \"minimum\": 1}, "
                + "\"renewsAt\": {\"type\": \"string\", \"format\": \"date\"}}}",
                description = "JSON Schema (draft 2020-12) of the records' properties; at most 500 properties")
        Map<String, Object> schema,
        @NotNull @Schema(example = "plan", description = "the property that names a record") String displayProperty,
        @Schema(example = "credit-card") String icon,
        @Schema(example = "#3366ff") String color,
        @Schema(example = "[\"search\", \"duplicate_detection\"]") List<String> features,
        @Schema(example = "contractNumber", description = "unique per organization; goes with duplicate_detection")
        String uniqueProperty) {
}
