package io.unifiedcrm.commerce.order.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/v1/orders/{id}/fulfil}: the units shipped; no body or no lines = all that is left. */
public record FulfilmentRequest(
        @Schema(example = "[{\"lineId\": \"7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6\", \"quantity\": 1}]")
        List<@Valid @NotNull Line> lines) {

    /** Units of one order line. */
    public record Line(@NotNull @Schema(example = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6") UUID lineId,
                       @NotNull @Schema(example = "1") Long quantity) {
    }
}
