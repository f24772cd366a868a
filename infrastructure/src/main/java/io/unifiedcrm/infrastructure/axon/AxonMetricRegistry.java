package io.unifiedcrm.infrastructure.axon;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Axon's metrics without its capacity monitors. A capacity monitor keeps every measurement of its one-minute
 * window in a skip list: at replay speed (tens of thousands of events a second) that is hundreds of megabytes,
 * and it ran the application out of heap in the benchmark. Timers, counters and processor latency stay.
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
                MessageTimerMonitor.buildMonitor(eventProcessorName, meters),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(eventProcessorName).meterRegistry(meters).build(),
                MessageCountingMonitor.buildMonitor(eventProcessorName, meters)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String commandBusName) {
        return new MultiMessageMonitor<>(List.of(MessageTimerMonitor.buildMonitor(commandBusName, meters),
                MessageCountingMonitor.buildMonitor(commandBusName, meters)));
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String queryBusName) {
        return new MultiMessageMonitor<>(List.of(MessageTimerMonitor.buildMonitor(queryBusName, meters),
                MessageCountingMonitor.buildMonitor(queryBusName, meters)));
    }
}
