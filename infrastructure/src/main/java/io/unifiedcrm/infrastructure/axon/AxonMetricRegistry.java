package io.unifiedcrm.infrastructure.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.unifiedcrm.infrastructure.metrics.MessageCounters;
import io.unifiedcrm.infrastructure.metrics.MessageTimers;
import io.unifiedcrm.infrastructure.metrics.ProcessingLatency;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Axon's metrics without its capacity monitors, and with every meter registered once. A capacity monitor keeps every
 * measurement of its one-minute window in a skip list: at replay speed (tens of thousands of events a second) that is
 * hundreds of megabytes, and it ran the application out of heap in the benchmark. Axon's timer, counter and latency
 * monitors look their meters up in the registry for every message — on the command path once per command and once
 * per event for the event bus and each subscribing processor —, so the same meters come from monitors that hold them.
 */
public class AxonMetricRegistry extends GlobalMetricRegistry {

    private final MeterRegistry meters;

    public AxonMetricRegistry(MeterRegistry meters) {
        super(meters);
        this.meters = meters;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName) {
        return new MultiMessageMonitor<>(List.of(
                new MessageTimers(eventProcessorName, meters),
                new ProcessingLatency(eventProcessorName, meters),
                new MessageCounters(eventProcessorName, meters)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String commandBusName) {
        return new MultiMessageMonitor<>(List.of(new MessageTimers(commandBusName, meters),
                new MessageCounters(commandBusName, meters)));
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventBus(String eventBusName) {
        return new MultiMessageMonitor<>(List.of(new MessageCounters(eventBusName, meters),
                new MessageTimers(eventBusName, meters)));
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String queryBusName) {
        return new MultiMessageMonitor<>(List.of(new MessageTimers(queryBusName, meters),
                new MessageCounters(queryBusName, meters)));
    }
}
