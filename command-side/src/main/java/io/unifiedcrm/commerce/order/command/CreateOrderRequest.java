package io.unifiedcrm.commerce.order.command;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.commerce.product.command.MoneyRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/v1/orders}: a cart for a person, optionally with its first items. */
public record CreateOrderRequest(
        @NotNull @Schema(example = "3f0c1f9e-6c1a-4a51-9d59-0d0f5b1e7a10") UUID personId,
        @Schema(example = "EUR", description = "optional; must be the organization's base currency") String currency,
        @Schema(example = "standard") String shippingMethod,
        @Schema(example = "{\"amount\": \"4.90\", \"currency\": \"EUR\"}") MoneyRequest shipping,
        @Schema(example = "[{\"productId\": \"9b2e4c61-0f3a-4d7e-8a51-2c6f1e9d3b70\", \"quantity\": 2}]")
        List<@Valid @NotNull OrderItemRequest> items) {
}
