package io.unifiedcrm.crm.contact.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** Body of {@code POST /api/v1/contacts}: the person to make a contact, and optionally its CRM fields. */
public record MakeContactRequest(
        @NotNull @Schema(example = "3f0c1f9e-6c1a-4a51-9d59-0d0f5b1e7a10") UUID personId,
        @Schema(example = "Head of Engineering", maxLength = 200) String jobTitle,
        @Schema(example = "Engineering", maxLength = 200) String department,
        @Schema(example = "9b2e4c61-0f3a-4d7e-8a51-2c6f1e9d3b70",
                description = "a record of the object type company in the organization") UUID companyId,
        @Schema(example = "contacted", allowableValues = {"new", "contacted", "qualified", "unqualified"},
                description = "default new") String leadStatus,
        @Schema(example = "trade_fair", maxLength = 100) String leadSource,
        @Schema(example = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6",
                description = "a person of the organization who owns the contact") UUID ownerId,
        @Schema(example = "2026-12-01T09:00:00Z") Instant nextFollowUp) {
}
