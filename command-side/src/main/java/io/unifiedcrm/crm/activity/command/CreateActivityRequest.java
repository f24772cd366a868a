package io.unifiedcrm.crm.activity.command;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * Body of {@code POST /api/v1/activities}. Each type has its own fields: task (subject, dueAt), call (outcome,
 * durationSeconds, occurredAt), meeting (subject, startAt, endAt), note (body, occurredAt); all take subject, body,
 * ownerId and the links personId, dealId, companyId (at least one).
 */
public record CreateActivityRequest(
        @NotNull @Schema(example = "call", allowableValues = {"task", "call", "meeting", "note"}) String type,
        @Schema(example = "3f0c1f9e-6c1a-4a51-9d59-0d0f5b1e7a10", description = "a person of the organization")
        UUID personId,
        @Schema(example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", description = "a deal of the organization")
        UUID dealId,
        @Schema(example = "9b2e4c61-0f3a-4d7e-8a51-2c6f1e9d3b70", description = "a company record of the organization")
        UUID companyId,
        @Schema(example = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", description = "a person of the organization")
        UUID ownerId,
        @Schema(example = "Discovery call", maxLength = 200, description = "required for tasks and meetings")
        String subject,
        @Schema(example = "Talked about the Q1 roll-out.", maxLength = 10_000, description = "required for notes")
        String body,
        @Schema(example = "2026-11-20T15:00:00Z", description = "calls and notes; default: when it is logged")
        Instant occurredAt,
        @Schema(example = "2026-11-27T17:00:00Z", description = "tasks") Instant dueAt,
        @Schema(example = "540", description = "calls; 0 to 86,400") Long durationSeconds,
        @Schema(example = "connected", allowableValues = {"connected", "no_answer", "left_voicemail", "busy",
                "wrong_number"}, description = "calls (required)") String outcome,
        @Schema(example = "2026-11-24T10:00:00Z", description = "meetings (required)") Instant startAt,
        @Schema(example = "2026-11-24T11:00:00Z", description = "meetings (required), after startAt")
        Instant endAt) {
}
