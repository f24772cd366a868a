package io.unifiedcrm.commerce.product.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** An amount with its ISO 4217 currency, as a request sends it. */
public record MoneyRequest(
        @NotNull @Schema(example = "49.90", description = "at least 0, at most 4 decimal places") BigDecimal amount,
        @Schema(example = "EUR", description = "the organization's base currency") String currency) {
}
