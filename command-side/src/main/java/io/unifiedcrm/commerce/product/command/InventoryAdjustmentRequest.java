package io.unifiedcrm.commerce.product.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/products/{id}/inventory-adjustment}. */
public record InventoryAdjustmentRequest(
        @NotNull @Schema(example = "17", description = "units counted on hand; not below those reserved") Long onHand,
        @NotNull @Schema(example = "stocktake") String reason) {
}
