package io.unifiedcrm.platform.definition.api;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Arrays;
import java.util.Locale;

/** What an object type's records take part in: full-text search, duplicate detection on its unique property. */
public enum ObjectFeature {
    SEARCH, DUPLICATE_DETECTION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ObjectFeature of(String code) {
        return Arrays.stream(values()).filter(feature -> feature.code().equals(code)).findFirst()
                .orElseThrow(() -> new DomainRuleViolation(ErrorCode.INVALID_SCHEMA, "features",
                        "Unknown feature; one of search, duplicate_detection."));
    }
}
