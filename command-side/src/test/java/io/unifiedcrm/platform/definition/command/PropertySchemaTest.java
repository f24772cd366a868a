package io.unifiedcrm.platform.definition.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PropertySchemaTest {

    private static final PropertySchema CODES = PropertySchema.of(Map.of("type", "object", "properties",
            Map.of("code", Map.of("type", "string", "pattern", "^(a|a)*$"))));

    @Test
    void aPatternIsAppliedToTheValue() {
        assertThat(CODES.violationsOf(Map.of("code", "aaaa"))).isEmpty();
        assertThat(CODES.violationsOf(Map.of("code", "abc"))).extracting(violation -> violation.pointer())
                .containsExactly("/properties/code");
    }

    // a safety net, not a speed measurement: without the match budget this value takes longer than anyone waits
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aCatastrophicallyBacktrackingPatternRefusesTheValueInsteadOfHoldingTheThread() {
        for (String value : new String[] {"a".repeat(40) + "b", "a".repeat(5_000) + "b"}) {
            assertThat(CODES.violationsOf(Map.of("code", value)))
                    .extracting(violation -> violation.pointer()).containsExactly("/properties/code");
        }
    }
}
