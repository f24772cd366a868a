package io.unifiedcrm.identity.person.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.shared.FieldChange;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Body of {@code PATCH /api/v1/persons/{id}}, a JSON merge patch (RFC 7396): an absent member leaves the field as
 * it is, {@code null} removes it (refused for e-mail and names), a value replaces it. {@code sourceDetails} is
 * merged member by member. Jackson calls a setter only for a member that is present (also when it is null), which
 * is how absent and null are told apart.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class PersonPatchRequest {

    @JsonIgnore
    private final Set<String> present = new HashSet<>();

    @Schema(example = "ada.king@example.com", description = "a new address must be free in the organization")
    private String email;
    @Schema(example = "+44 20 7946 0000", description = "null removes it")
    private String phone;
    @Schema(example = "Augusta", maxLength = 100)
    private String firstName;
    @Schema(example = "King", maxLength = 100)
    private String lastName;
    @Schema(example = "Ada", maxLength = 100)
    private String middleName;
    @Schema(example = "Countess of Lovelace", maxLength = 200)
    private String displayName;
    @Schema(example = "https://cdn.example.com/avatars/ada-2.png")
    private String avatarUrl;
    @Schema(example = "{\"campaign\": null, \"referrer\": \"newsletter\"}",
            description = "merged into the current details; a null member removes that member")
    private Map<String, Object> sourceDetails;
    @Schema(example = "false", description = "whether the person is a vendor (supplier)")
    private Boolean vendor;
    @Schema(example = "lead", allowableValues = {"visitor", "lead", "customer", "evangelist"},
            description = "sets the lifecycle stage explicitly, overriding the computed one; null clears that")
    private String lifecycleStage;

    public void setEmail(String email) {
        this.email = email;
        present.add("email");
    }

    public void setPhone(String phone) {
        this.phone = phone;
        present.add("phone");
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
        present.add("firstName");
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
        present.add("lastName");
    }

    public void setMiddleName(String middleName) {
        this.middleName = middleName;
        present.add("middleName");
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
        present.add("displayName");
    }

    public void setAvatarUrl(String avatarUrl) {
        this.avatarUrl = avatarUrl;
        present.add("avatarUrl");
    }

    public void setSourceDetails(Map<String, Object> sourceDetails) {
        this.sourceDetails = sourceDetails;
        present.add("sourceDetails");
    }

    public void setVendor(Boolean vendor) {
        this.vendor = vendor;
        present.add("vendor");
    }

    public void setLifecycleStage(String lifecycleStage) {
        this.lifecycleStage = lifecycleStage;
        present.add("lifecycleStage");
    }

    FieldChange<String> email() {
        return change("email", email);
    }

    FieldChange<String> phone() {
        return change("phone", phone);
    }

    FieldChange<String> firstName() {
        return change("firstName", firstName);
    }

    FieldChange<String> lastName() {
        return change("lastName", lastName);
    }

    FieldChange<String> middleName() {
        return change("middleName", middleName);
    }

    FieldChange<String> displayName() {
        return change("displayName", displayName);
    }

    FieldChange<String> avatarUrl() {
        return change("avatarUrl", avatarUrl);
    }

    FieldChange<Map<String, Object>> sourceDetails() {
        return change("sourceDetails", sourceDetails);
    }

    FieldChange<Boolean> vendor() {
        return change("vendor", vendor);
    }

    FieldChange<String> lifecycleStage() {
        return change("lifecycleStage", lifecycleStage);
    }

    /** {@code null} for an absent member, else the change to the member's value (a null value removes). */
    private <T> FieldChange<T> change(String member, T value) {
        return present.contains(member) ? new FieldChange<>(value) : null;
    }
}
