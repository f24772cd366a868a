package io.unifiedcrm.crm.contact.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.shared.FieldChange;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Body of {@code PATCH /api/v1/contacts/{personId}}, a JSON merge patch (RFC 7396): an absent member stays,
 * {@code null} removes it (not {@code leadStatus}), a value replaces it. Jackson calls a setter only for a member
 * that is present (also when it is null), which is how absent and null are told apart.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ContactPatchRequest {

    @JsonIgnore
    private final Set<String> present = new HashSet<>();

    @Schema(example = "CTO", maxLength = 200)
    private String jobTitle;
    @Schema(example = "Management", maxLength = 200)
    private String department;
    @Schema(example = "9b2e4c61-0f3a-4d7e-8a51-2c6f1e9d3b70", description = "a company record; null removes it")
    private UUID companyId;
    @Schema(example = "qualified", allowableValues = {"new", "contacted", "qualified", "unqualified"})
    private String leadStatus;
    @Schema(example = "webinar", maxLength = 100)
    private String leadSource;
    @Schema(example = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", description = "a person of the organization")
    private UUID ownerId;
    @Schema(example = "2026-12-15T14:30:00Z")
    private Instant nextFollowUp;

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
        present.add("jobTitle");
    }

    public void setDepartment(String department) {
        this.department = department;
        present.add("department");
    }

    public void setCompanyId(UUID companyId) {
        this.companyId = companyId;
        present.add("companyId");
    }

    public void setLeadStatus(String leadStatus) {
        this.leadStatus = leadStatus;
        present.add("leadStatus");
    }

    public void setLeadSource(String leadSource) {
        this.leadSource = leadSource;
        present.add("leadSource");
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
        present.add("ownerId");
    }

    public void setNextFollowUp(Instant nextFollowUp) {
        this.nextFollowUp = nextFollowUp;
        present.add("nextFollowUp");
    }

    FieldChange<String> jobTitle() {
        return change("jobTitle", jobTitle);
    }

    FieldChange<String> department() {
        return change("department", department);
    }

    FieldChange<UUID> companyId() {
        return change("companyId", companyId);
    }

    FieldChange<String> leadStatus() {
        return change("leadStatus", leadStatus);
    }

    FieldChange<String> leadSource() {
        return change("leadSource", leadSource);
    }

    FieldChange<UUID> ownerId() {
        return change("ownerId", ownerId);
    }

    FieldChange<Instant> nextFollowUp() {
        return change("nextFollowUp", nextFollowUp);
    }

    /** {@code null} for an absent member, else the change to the member's value (a null value removes). */
    private <T> FieldChange<T> change(String member, T value) {
        return present.contains(member) ? new FieldChange<>(value) : null;
    }
}
