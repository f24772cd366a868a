package io.unifiedcrm.crm.activity.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/**
 * The kinds of activity on a timeline. {@link #PURCHASE} is not logged by anybody: the CRM read models write one for
 * every completed order.
 */
public enum ActivityType {
    TASK, CALL, MEETING, NOTE, PURCHASE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A type an activity can be logged with. @throws DomainRuleViolation {@code unknown_activity_type} */
    public static ActivityType loggable(String code) {
        return Arrays.stream(values())
                .filter(type -> type != PURCHASE && type.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_ACTIVITY_TYPE, "type",
                        "type is one of task, call, meeting, note (purchases come from completed orders)."));
    }

    /** The type a stored code names. */
    public static ActivityType fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown activity type " + code));
    }

    /** Whether {@code code} names a type (a filter of the activity list). */
    public static boolean isCode(String code) {
        return Arrays.stream(values()).anyMatch(type -> type.code().equals(code));
    }
}
