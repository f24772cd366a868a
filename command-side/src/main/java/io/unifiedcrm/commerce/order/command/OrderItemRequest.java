package io.unifiedcrm.commerce.order.command;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.commerce.product.command.MoneyRequest;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.UUID;

/** A line to add to a cart; its unit price is the product's price at that moment. */
public record OrderItemRequest(
        @Schema(example = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
                description = "optional; chosen by the client, a line id already in the cart adds nothing")
        UUID lineId,
        @NotNull @Schema(example = "9b2e4c61-0f3a-4d7e-8a51-2c6f1e9d3b70") UUID productId,
        @NotNull @Schema(example = "2", description = "1 to 1,000,000,000") Long quantity,
        @Schema(example = "{\"amount\": \"5.00\", \"currency\": \"EUR\"}", description = "off the line's price")
        MoneyRequest discount,
        @Schema(example = "19", description = "percent, 0 to 100") BigDecimal taxRate) {
}
