package io.unifiedcrm.projection.runtime.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReplayObservationsTest {

    private Instant now = Instant.parse("2026-11-26T03:00:00Z");
    private final ReplayObservations observations = new ReplayObservations(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aReplayStartedHereMeasuresItsRateFromTheFirstEvent() {
        observations.started("identity");
        now = now.plus(Duration.ofSeconds(4));

        // positions 0..399 of 0..999 handled in 4 s: 40 %, 100 events/s, 600 events (6 s) to go
        assertThat(observations.progress("identity", 399L, 999L)).isEqualTo(new ReplayProgress(999L, 40.0, 100.0, 6L));
    }

    @Test
    void aReplaySeenRunningMeasuresItsRateFromWhereItWasFirstSeen() {
        assertThat(observations.progress("crm", 99L, 999L)).isEqualTo(new ReplayProgress(999L, 10.0, null, null));
        now = now.plus(Duration.ofSeconds(2));

        assertThat(observations.progress("crm", 299L, 999L)).isEqualTo(new ReplayProgress(999L, 30.0, 100.0, 7L));
    }

    @Test
    void anEndedReplayIsForgotten() {
        observations.started("crm");
        now = now.plus(Duration.ofSeconds(10));
        observations.ended("crm");

        assertThat(observations.progress("crm", 499L, 999L)).isEqualTo(new ReplayProgress(999L, 50.0, null, null));
    }

    @Test
    void aReplayThatHasNotMovedHasNoRateYet() {
        observations.started("timeline");
        now = now.plus(Duration.ofSeconds(3));

        assertThat(observations.progress("timeline", null, 999L)).isEqualTo(new ReplayProgress(999L, 0.0, null, null));
    }
}
