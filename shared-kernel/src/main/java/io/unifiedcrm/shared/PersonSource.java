package io.unifiedcrm.shared;

import java.util.Arrays;
import java.util.Locale;

/** Where a person came from (seed: person.source). */
public enum PersonSource {
    ORGANIC, PAID, DIRECT, REFERRAL, CHECKOUT, LEAD_FORM, IMPORT, API;

    /** The wire and storage form: lower case with underscores, e.g. {@code lead_form}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PersonSource of(String code) {
        return Arrays.stream(values())
                .filter(source -> source.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.UNKNOWN_SOURCE, "source",
                        "Unknown source; one of " + Arrays.stream(values()).map(PersonSource::code).toList() + "."));
    }
}
