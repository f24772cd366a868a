package io.unifiedcrm.infrastructure.health;

import io.unifiedcrm.infrastructure.processing.ProcessorProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the event processors ({@code /actuator/health}, component {@code eventProcessors}): DOWN if any is
 * {@code ERROR} (failing), {@code STOPPED} or {@code STALLED} (behind the head of the event store with a position that
 * has not moved for {@code unifiedcrm.processors.stalled-after}); otherwise each is {@code RUNNING}. It reads the
 * processors' progress of at most a second ago ({@link ProcessorProgress}).
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration eventProcessing;
    private final ProcessorProgress progress;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration eventProcessing, ProcessorProgress progress) {
        this.eventProcessing = eventProcessing;
        this.progress = progress;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean allHealthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : eventProcessing.eventProcessors().values()) {
            String state = stateOf(processor);
            allHealthy &= state.equals("RUNNING");
            details.put(processor.getName(), state);
        }
        (allHealthy ? health.up() : health.down()).withDetails(details);
    }

    private String stateOf(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming && streaming.isError()) {
            return "ERROR";
        }
        if (!processor.isRunning()) {
            return "STOPPED";
        }
        if (processor instanceof StreamingEventProcessor) {
            ProcessorProgress.Progress current = progress.of(processor.getName());
            if (current != null && current.stalled()) {
                return "STALLED";
            }
        }
        return "RUNNING";
    }
}
