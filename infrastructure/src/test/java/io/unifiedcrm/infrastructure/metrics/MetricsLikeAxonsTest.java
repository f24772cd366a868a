package io.unifiedcrm.infrastructure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

/** The monitors that register their meters once produce the very meters, and counts, of Axon's own. */
class MetricsLikeAxonsTest {

    private final MeterRegistry axons = new SimpleMeterRegistry();
    private final MeterRegistry ours = new SimpleMeterRegistry();

    @Test
    void countersAndTimers() {
        feed(MessageCountingMonitor.buildMonitor("commandBus", axons));
        feed(MessageTimerMonitor.buildMonitor("commandBus", axons));
        feed(new MessageCounters("commandBus", ours));
        feed(new MessageTimers("commandBus", ours));

        assertThat(meters(ours)).isEqualTo(meters(axons)).containsKeys(
                "commandBus.ingestedCounter", "commandBus.successCounter", "commandBus.failureCounter",
                "commandBus.processedCounter", "commandBus.ignoredCounter", "commandBus.allTimer",
                "commandBus.successTimer", "commandBus.failureTimer", "commandBus.ignoredTimer");
        assertThat(ours.get("commandBus.allTimer").timer().takeSnapshot().percentileValues())
                .hasSameSizeAs(axons.get("commandBus.allTimer").timer().takeSnapshot().percentileValues());
    }

    @Test
    void latency() {
        EventMessage<?> event = GenericEventMessage.asEventMessage("an event");
        EventProcessorLatencyMonitor.builder().meterNamePrefix("identity").meterRegistry(axons).build()
                .onMessageIngested(event);
        new ProcessingLatency("identity", ours).onMessageIngested(event);

        assertThat(meters(ours).keySet()).isEqualTo(meters(axons).keySet()).containsExactly("identity.latency");
        assertThat(ours.get("identity.latency").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void feed(MessageMonitor monitor) {
        List<Message<?>> messages = List.of(GenericEventMessage.asEventMessage("a"),
                GenericEventMessage.asEventMessage("b"), GenericEventMessage.asEventMessage("c"));
        monitor.onMessageIngested(messages.get(0)).reportSuccess();
        monitor.onMessageIngested(messages.get(1)).reportFailure(new IllegalStateException("failed"));
        monitor.onMessageIngested(messages.get(2)).reportIgnored();
        monitor.onMessageIngested(messages.get(0)).reportSuccess();
    }

    /** Every meter by name: its type, tags and counts. */
    private static Map<String, String> meters(MeterRegistry registry) {
        Map<String, String> meters = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            StringBuilder description = new StringBuilder(meter.getId().getType() + " " + meter.getId().getTags());
            meter.match(gauge -> null,
                    counter -> description.append(" count=").append(counter.count()),
                    timer -> description.append(" count=").append(timer.count()),
                    summary -> null, longTaskTimer -> null, timeGauge -> null, functionCounter -> null,
                    functionTimer -> null, other -> null);
            meters.put(meter.getId().getName(), description.toString());
        }
        return meters;
    }
}
