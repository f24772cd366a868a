package io.unifiedcrm.address.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/** What an address is for; an owner has at most one default address per type. */
public enum AddressType {
    BILLING, SHIPPING, BUSINESS, HOME;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AddressType of(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst()
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_ADDRESS_TYPE, "type",
                        "Unknown address type; one of billing, shipping, business, home."));
    }
}
