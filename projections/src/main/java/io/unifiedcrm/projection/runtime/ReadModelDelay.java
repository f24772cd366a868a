package io.unifiedcrm.projection.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * How long after an event was created a projection's read model held it: from the event's timestamp (taken when the
 * command applied it) to the commit of the batch that projected it — the delay a client sees between a command's
 * answer and the read model showing its effect, measured where it happens rather than by polling. Metric
 * {@code unifiedcrm.projection.visible} (Prometheus {@code unifiedcrm_projection_visible_seconds}), tagged with the
 * processor, as a histogram. Replayed events are left out: their delay is the replay's, not the projection's.
 */
public final class ReadModelDelay {

    private final Timer timer;

    public ReadModelDelay(String processor, MeterRegistry meters) {
        this.timer = Timer.builder("unifiedcrm.projection.visible")
                .description("Time from an event's creation to the commit of the projection batch that handled it")
                .tag("processor", processor)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(meters);
    }

    /** The batch holding the events created at these instants (epoch milliseconds) committed at {@code nowMillis}. */
    void committed(List<Long> createdMillis, long nowMillis) {
        for (long created : createdMillis) {
            timer.record(Duration.ofMillis(Math.max(0, nowMillis - created)));
        }
    }
}
