package io.unifiedcrm.infrastructure.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

/**
 * The gauge of Axon's {@code EventProcessorLatencyMonitor} — {@code <processor>.latency}: milliseconds between the
 * time of the event handled last and its handling — registered once. Axon's monitor registers it again for every
 * event (which Micrometer answers with a warning about a duplicate gauge).
 */
public final class ProcessingLatency implements MessageMonitor<EventMessage<?>> {

    private final Clock clock = Clock.SYSTEM;
    private final AtomicLong latencyMillis = new AtomicLong();

    public ProcessingLatency(String processor, MeterRegistry meters) {
        Gauge.builder(processor + ".latency", latencyMillis::get).register(meters);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        latencyMillis.set(clock.wallTime() - message.getTimestamp().toEpochMilli());
        return NoOpMessageMonitorCallback.INSTANCE;
    }
}
