package io.unifiedcrm.address.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/** The kinds of entity an address can belong to (the polymorphic owner of seed shared.address). */
public enum AddressOwnerType {
    PERSON, COMPANY, ORDER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AddressOwnerType of(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst()
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_ENTITY_TYPE, "entityType",
                        "Unknown entity type; one of person, company, order."));
    }
}
