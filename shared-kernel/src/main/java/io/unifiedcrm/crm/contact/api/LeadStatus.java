package io.unifiedcrm.crm.contact.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/** Where a contact stands in the sales team's qualification (seed: crm.contact.lead_status). */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, UNQUALIFIED;

    /** The wire and storage form, e.g. {@code qualified}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws DomainRuleViolation {@code unknown_lead_status} */
    public static LeadStatus of(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_LEAD_STATUS, "leadStatus",
                        "leadStatus is one of " + Arrays.stream(values()).map(LeadStatus::code).toList() + "."));
    }
}
