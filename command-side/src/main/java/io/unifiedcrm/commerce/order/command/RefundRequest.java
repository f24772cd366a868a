package io.unifiedcrm.commerce.order.command;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.commerce.product.command.MoneyRequest;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/orders/{id}/refunds}. */
public record RefundRequest(
        @NotNull @Schema(example = "{\"amount\": \"5.00\", \"currency\": \"EUR\"}") MoneyRequest amount,
        @Schema(example = "damaged in transit") String reason) {
}
