package io.unifiedcrm.shared;

import java.util.Arrays;
import java.util.Locale;

/** Where a person stands with the business, in order: visitor < lead < customer < evangelist (ARCHITECTURE §6). */
public enum LifecycleStage {
    VISITOR, LEAD, CUSTOMER, EVANGELIST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAtLeast(LifecycleStage other) {
        return compareTo(other) >= 0;
    }

    public static LifecycleStage of(String code) {
        return Arrays.stream(values())
                .filter(stage -> stage.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_LIFECYCLE_STAGE, "lifecycleStage",
                        "Unknown lifecycle stage; one of visitor, lead, customer, evangelist."));
    }
}
