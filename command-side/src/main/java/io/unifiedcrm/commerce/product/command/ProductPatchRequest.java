package io.unifiedcrm.commerce.product.command;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Body of {@code PATCH /api/v1/products/{id}}: absent (or null) members stay as they are; the SKU never changes. */
public record ProductPatchRequest(
        @Schema(example = "Blue mug 350 ml, matte") String name,
        @Schema(example = "Stoneware, dishwasher safe, matte glaze.") String description,
        @Schema(example = "{\"amount\": \"13.90\", \"currency\": \"EUR\"}") MoneyRequest price,
        @Schema(example = "archived", allowableValues = {"active", "archived"}) String status,
        @Schema(example = "[\"kitchen\"]") List<String> tags) {
}
