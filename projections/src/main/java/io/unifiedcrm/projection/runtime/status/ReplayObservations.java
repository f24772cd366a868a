package io.unifiedcrm.projection.runtime.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers where and when each replay was first seen (or started here), so its rate and remaining time can be
 * computed from any later status: the progress of a replay is a comparison of two observations.
 */
@Component
class ReplayObservations {

    private record Observation(Instant at, long position) {
    }

    private final Map<String, Observation> firstSeen = new ConcurrentHashMap<>();
    private final Clock clock;

    ReplayObservations() {
        this(Clock.systemUTC());
    }

    ReplayObservations(Clock clock) {
        this.clock = clock;
    }

    /** A replay of the processor starts now, from the first event. */
    void started(String processor) {
        firstSeen.put(processor, new Observation(clock.instant(), -1));
    }

    void ended(String processor) {
        firstSeen.remove(processor);
    }

    ReplayProgress progress(String processor, Long position, Long resetPosition) {
        long current = position == null ? -1 : position;
        Observation first = firstSeen.computeIfAbsent(processor, name -> new Observation(clock.instant(), current));
        double percent = resetPosition == null || resetPosition <= 0 ? 0
                : Math.min(100, Math.floor(1000.0 * Math.max(0, current + 1) / (resetPosition + 1)) / 10);
        double seconds = Duration.between(first.at(), clock.instant()).toMillis() / 1000.0;
        long handled = current - first.position();
        if (seconds <= 0 || handled <= 0) {
            return new ReplayProgress(resetPosition, percent, null, null);
        }
        double rate = handled / seconds;
        Long eta = resetPosition == null ? null : (long) Math.ceil(Math.max(0, resetPosition - current) / rate);
        return new ReplayProgress(resetPosition, percent, Math.round(rate * 10) / 10.0, eta);
    }
}
