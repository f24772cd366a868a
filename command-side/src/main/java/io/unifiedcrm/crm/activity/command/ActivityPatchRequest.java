package io.unifiedcrm.crm.activity.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.shared.FieldChange;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Body of {@code PATCH /api/v1/activities/{activityId}}, a JSON merge patch (RFC 7396): an absent member stays,
 * {@code null} removes it, a value replaces it; the result must satisfy the type's rules. Jackson calls a setter only
 * for a member that is present (also when it is null), which is how absent and null are told apart.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ActivityPatchRequest {

    @JsonIgnore
    private final Set<String> present = new HashSet<>();

    @Schema(example = "3f0c1f9e-6c1a-4a51-9d59-0d0f5b1e7a10", description = "a person; null removes the link")
    private UUID personId;
    @Schema(example = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d")
    private UUID dealId;
    @Schema(example = "9b2e4c61-0f3a-4d7e-8a51-2c6f1e9d3b70", description = "a company record of the organization")
    private UUID companyId;
    @Schema(example = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6")
    private UUID ownerId;
    @Schema(example = "Follow-up call")
    private String subject;
    @Schema(example = "Sent the proposal afterwards.")
    private String body;
    @Schema(example = "2026-11-20T15:30:00Z", description = "calls and notes; null: when it was logged")
    private Instant occurredAt;
    @Schema(example = "2026-11-28T17:00:00Z", description = "tasks")
    private Instant dueAt;
    @Schema(example = "600", description = "calls")
    private Long durationSeconds;
    @Schema(example = "left_voicemail", description = "calls")
    private String outcome;
    @Schema(example = "2026-11-24T10:30:00Z", description = "meetings")
    private Instant startAt;
    @Schema(example = "2026-11-24T11:30:00Z", description = "meetings")
    private Instant endAt;

    public void setPersonId(UUID personId) {
        this.personId = personId;
        present.add("personId");
    }

    public void setDealId(UUID dealId) {
        this.dealId = dealId;
        present.add("dealId");
    }

    public void setCompanyId(UUID companyId) {
        this.companyId = companyId;
        present.add("companyId");
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
        present.add("ownerId");
    }

    public void setSubject(String subject) {
        this.subject = subject;
        present.add("subject");
    }

    public void setBody(String body) {
        this.body = body;
        present.add("body");
    }

    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
        present.add("occurredAt");
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
        present.add("dueAt");
    }

    public void setDurationSeconds(Long durationSeconds) {
        this.durationSeconds = durationSeconds;
        present.add("durationSeconds");
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
        present.add("outcome");
    }

    public void setStartAt(Instant startAt) {
        this.startAt = startAt;
        present.add("startAt");
    }

    public void setEndAt(Instant endAt) {
        this.endAt = endAt;
        present.add("endAt");
    }

    FieldChange<UUID> personId() {
        return change("personId", personId);
    }

    FieldChange<UUID> dealId() {
        return change("dealId", dealId);
    }

    FieldChange<UUID> companyId() {
        return change("companyId", companyId);
    }

    FieldChange<UUID> ownerId() {
        return change("ownerId", ownerId);
    }

    FieldChange<String> subject() {
        return change("subject", subject);
    }

    FieldChange<String> body() {
        return change("body", body);
    }

    FieldChange<Instant> occurredAt() {
        return change("occurredAt", occurredAt);
    }

    FieldChange<Instant> dueAt() {
        return change("dueAt", dueAt);
    }

    FieldChange<Long> durationSeconds() {
        return change("durationSeconds", durationSeconds);
    }

    FieldChange<String> outcome() {
        return change("outcome", outcome);
    }

    FieldChange<Instant> startAt() {
        return change("startAt", startAt);
    }

    FieldChange<Instant> endAt() {
        return change("endAt", endAt);
    }

    /** {@code null} for an absent member, else the change to the member's value (a null value removes). */
    private <T> FieldChange<T> change(String member, T value) {
        return present.contains(member) ? new FieldChange<>(value) : null;
    }
}
