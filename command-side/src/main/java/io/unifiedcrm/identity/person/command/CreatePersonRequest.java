package io.unifiedcrm.identity.person.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** Body of {@code POST /api/v1/persons}; everything but e-mail and names is optional. */
public record CreatePersonRequest(
        @NotNull @Schema(example = "ada@example.com") String email,
        @NotNull @Schema(example = "Ada", maxLength = 100) String firstName,
        @NotNull @Schema(example = "Lovelace", maxLength = 100) String lastName,
        @Schema(example = "Augusta", maxLength = 100) String middleName,
        @Schema(example = "Ada L.", maxLength = 200) String displayName,
        @Schema(example = "https://cdn.example.com/avatars/ada.png", description = "absolute http(s) URL")
        String avatarUrl,
        @Schema(example = "+44 20 7946 0958", description = "international form; stored as E.164") String phone,
        @Schema(example = "checkout", allowableValues = {"organic", "paid", "direct", "referral", "checkout",
                "lead_form", "import", "api"}, description = "checkout makes the person a commerce customer "
                + "(with a customer number); lead_form makes them a CRM contact with leadStatus new")
        String source,
        @Schema(example = "{\"campaign\": \"spring-sale\", \"landingPage\": \"/offers\"}",
                description = "a JSON object: at most 50 members, 8 levels, 16,384 characters (keys and values, "
                        + "null counting 4, plus one per member or element)")
        Map<String, Object> sourceDetails) {
}
