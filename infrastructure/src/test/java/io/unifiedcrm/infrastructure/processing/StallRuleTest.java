package io.unifiedcrm.infrastructure.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The stalled rule with made-up positions and instants: behind, and the position has not moved for the threshold. */
class StallRuleTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final StallRule rule = new StallRule(Duration.ofSeconds(60));

    private static Instant at(long seconds) {
        return START.plusSeconds(seconds);
    }

    @Test
    void behindAtTheSamePositionForLongerThanTheThresholdIsStalled() {
        assertThat(rule.observe("identity", 10L, 5L, at(0))).isFalse();
        assertThat(rule.observe("identity", 10L, 7L, at(60))).isFalse();
        assertThat(rule.observe("identity", 10L, 9L, at(61))).isTrue();
        assertThat(rule.observe("identity", 10L, 9L, at(300))).isTrue();
    }

    @Test
    void aMovingPositionIsNeverStalledHoweverFarBehind() {
        for (int i = 0; i < 10; i++) {
            assertThat(rule.observe("identity", 10L + i, 100_000L, at(i * 61L))).isFalse();
        }
    }

    @Test
    void aCaughtUpProcessorIsNotStalledAndTheClockStartsWhenItIsFirstSeenBehind() {
        assertThat(rule.observe("identity", 10L, 0L, at(0))).isFalse();
        // an event arrived after a long quiet time: behind at the same position, but only just seen so
        assertThat(rule.observe("identity", 10L, 1L, at(600))).isFalse();
        assertThat(rule.observe("identity", 10L, 1L, at(630))).isFalse();
        assertThat(rule.observe("identity", 10L, 1L, at(661))).isTrue();
        // it caught up: healthy again, and the clock restarts
        assertThat(rule.observe("identity", 11L, 0L, at(662))).isFalse();
        assertThat(rule.observe("identity", 11L, 3L, at(663))).isFalse();
    }

    @Test
    void anUnknownPositionIsNotStalledAndProcessorsAreJudgedApart() {
        assertThat(rule.observe("crm", null, null, at(0))).isFalse();
        assertThat(rule.observe("crm", null, null, at(1000))).isFalse();
        rule.observe("identity", 10L, 5L, at(0));
        rule.observe("commerce", 20L, 5L, at(50));
        assertThat(rule.observe("identity", 10L, 5L, at(100))).isTrue();
        assertThat(rule.observe("commerce", 20L, 5L, at(100))).isFalse();
    }
}
