package io.unifiedcrm.crm.deal.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import io.unifiedcrm.commerce.product.command.MoneyRequest;
import io.unifiedcrm.shared.FieldChange;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Body of {@code PATCH /api/v1/deals/{id}}, a JSON merge patch (RFC 7396): an absent member leaves the field as it
 * is, {@code null} removes it (not the name), a value replaces it. The stage changes with {@code POST …/stage}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class DealPatchRequest {

    @JsonIgnore
    private final Set<String> present = new HashSet<>();

    @Schema(example = "Acme — 80 seats", maxLength = 200)
    private String name;
    @Schema(example = "{\"amount\": \"19200.00\", \"currency\": \"EUR\"}",
            description = "null removes it; a closed deal's amount does not change (409 deal_closed)")
    private MoneyRequest amount;
    @Schema(example = "2027-01-31", description = "null removes it")
    private LocalDate closeDate;
    @Schema(example = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", description = "null removes it")
    private UUID ownerId;
    @Schema(example = "3f0c1f9e-6c1a-4a51-9d59-0d0f5b1e7a10", description = "null removes it")
    private UUID personId;
    @Schema(example = "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2910", description = "null removes it")
    private UUID companyId;

    public void setName(String name) {
        this.name = name;
        present.add("name");
    }

    public void setAmount(MoneyRequest amount) {
        this.amount = amount;
        present.add("amount");
    }

    public void setCloseDate(LocalDate closeDate) {
        this.closeDate = closeDate;
        present.add("closeDate");
    }

    public void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
        present.add("ownerId");
    }

    public void setPersonId(UUID personId) {
        this.personId = personId;
        present.add("personId");
    }

    public void setCompanyId(UUID companyId) {
        this.companyId = companyId;
        present.add("companyId");
    }

    FieldChange<String> name() {
        return change("name", name);
    }

    FieldChange<BigDecimal> amount() {
        return change("amount", amount == null ? null : DealCommandController.amountOf(amount));
    }

    String amountCurrency() {
        return amount == null ? null : amount.currency();
    }

    FieldChange<LocalDate> closeDate() {
        return change("closeDate", closeDate);
    }

    FieldChange<UUID> ownerId() {
        return change("ownerId", ownerId);
    }

    FieldChange<UUID> personId() {
        return change("personId", personId);
    }

    FieldChange<UUID> companyId() {
        return change("companyId", companyId);
    }

    /** {@code null} for an absent member, else the change to the member's value (a null value removes). */
    private <T> FieldChange<T> change(String member, T value) {
        return present.contains(member) ? new FieldChange<>(value) : null;
    }
}
