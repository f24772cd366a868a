package io.unifiedcrm.commerce.order.command;

import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.commerce.product.command.MoneyRequest;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/orders/{id}/pay}. */
public record PaymentRequest(
        @NotNull @Schema(example = "{\"amount\": \"20.00\", \"currency\": \"EUR\"}") MoneyRequest amount,
        @NotNull @Schema(example = "card") String method,
        @Schema(example = "pi_3NkX2eLkdIwHu7ix",
                description = "the payment provider's id; a payment reported again with it is recorded once")
        String providerReference) {
}
