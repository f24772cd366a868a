package io.unifiedcrm.commerce.product.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/products/{id}/restock}. */
public record RestockRequest(@NotNull @Schema(example = "24", description = "units that arrived, at least 1")
                             Long quantity) {
}
