package io.unifiedcrm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceDetailsTest {

    @Test
    void ordinaryDetailsAreKept() {
        Map<String, Object> details = Map.of("utm", Map.of("source", "newsletter", "campaign", "spring"),
                "referrer", "https://example.com", "optIn", true, "score", 3, "gclid", List.of());

        assertThat(SourceDetails.of(details)).isEqualTo(details);
    }

    /** Issue 17, finding 14: nulls and empty keys counted nothing, so their structure passed any size. */
    @Test
    void nullsEmptyKeysAndEmptyTextCountTowardsTheLimit() {
        assertRefused(Map.of("nulls", Collections.nCopies(20_000, null)));
        Map<String, Object> emptyKeys = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            emptyKeys.put(" ".repeat(i % 2), null);
            emptyKeys.put("k" + i, "");
        }
        assertRefused(Map.of("nested", emptyKeys));
        assertRefused(Map.of("texts", Collections.nCopies(20_000, "")));
    }

    private static void assertRefused(Map<String, Object> details) {
        assertThatThrownBy(() -> SourceDetails.of(details)).isInstanceOfSatisfying(DomainRuleViolation.class,
                refused -> assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_SOURCE_DETAILS));
    }
}
