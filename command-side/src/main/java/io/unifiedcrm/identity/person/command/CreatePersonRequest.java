package io.unifiedcrm.identity.person.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/v1/persons}; {@code phone} and {@code source} are optional. */
public record CreatePersonRequest(
        @NotNull @Schema(example = "ada@example.com") String email,
        @NotNull @Schema(example = "Ada", maxLength = 100) String firstName,
        @NotNull @Schema(example = "Lovelace", maxLength = 100) String lastName,
        @Schema(example = "+44 20 7946 0958", description = "international form; stored as E.164") String phone,
        @Schema(example = "organic", allowableValues = {"organic", "paid", "direct", "referral", "checkout",
                "lead_form", "import", "api"}) String source) {
}
