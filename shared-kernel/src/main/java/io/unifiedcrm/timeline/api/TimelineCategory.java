package io.unifiedcrm.timeline.api;

import java.util.Arrays;
import java.util.Locale;

/** The domains a timeline entry comes from; an entry's {@code type} starts with its category's code. */
public enum TimelineCategory {
    PERSON, CUSTOMER, CONTACT, ADDRESS, ORDER, DEAL, ACTIVITY, RECORD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code code} names a category (a filter of the timeline). */
    public static boolean isCode(String code) {
        return Arrays.stream(values()).anyMatch(category -> category.code().equals(code));
    }
}
