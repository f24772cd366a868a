package io.unifiedcrm.commerce.product.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Body of {@code POST /api/v1/products}. */
public record CreateProductRequest(
        @NotNull @Schema(example = "MUG-BLUE-350", description = "unique per organization, any case") String sku,
        @NotNull @Schema(example = "Blue mug 350 ml") String name,
        @Schema(example = "Stoneware, dishwasher safe.") String description,
        @NotNull @Schema(example = "{\"amount\": \"12.50\", \"currency\": \"EUR\"}") MoneyRequest price,
        @Schema(example = "[\"kitchen\", \"gifts\"]") List<String> tags) {
}
