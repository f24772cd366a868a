package io.unifiedcrm.crm.activity.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/** How a call went. Only a {@link #CONNECTED} call reached the person (it counts for lastContactedAt). */
public enum CallOutcome {
    CONNECTED, NO_ANSWER, LEFT_VOICEMAIL, BUSY, WRONG_NUMBER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws DomainRuleViolation {@code unknown_call_outcome} */
    public static CallOutcome of(String code) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_CALL_OUTCOME, "outcome",
                        "outcome is one of " + Arrays.stream(values()).map(CallOutcome::code).toList() + "."));
    }
}
