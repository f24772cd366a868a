package io.unifiedcrm.commerce.customer.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerStatsRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void theRecencySegmentFollowsTheAgeOfTheLastOrder() {
        assertThat(CustomerStatsRules.recencySegment(null, NOW)).as("no order").isNull();
        assertThat(CustomerStatsRules.recencySegment(NOW, NOW)).isEqualTo("active");
        assertThat(CustomerStatsRules.recencySegment(NOW.minus(Duration.ofDays(90)), NOW)).isEqualTo("active");
        assertThat(CustomerStatsRules.recencySegment(NOW.minus(Duration.ofDays(90)).minusMillis(1), NOW))
                .isEqualTo("at_risk");
        assertThat(CustomerStatsRules.recencySegment(NOW.minus(Duration.ofDays(180)), NOW)).isEqualTo("at_risk");
        assertThat(CustomerStatsRules.recencySegment(NOW.minus(Duration.ofDays(180)).minusMillis(1), NOW))
                .isEqualTo("churned");
    }
}
