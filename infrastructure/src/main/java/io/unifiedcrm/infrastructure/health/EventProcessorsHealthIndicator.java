package io.unifiedcrm.infrastructure.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Health of the event processors ({@code /actuator/health}, component {@code eventProcessors}): DOWN if any fails. */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration eventProcessing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration eventProcessing) {
        this.eventProcessing = eventProcessing;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean allHealthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : eventProcessing.eventProcessors().values()) {
            boolean failing = processor instanceof StreamingEventProcessor streaming && streaming.isError();
            allHealthy &= processor.isRunning() && !failing;
            details.put(processor.getName(), failing ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED");
        }
        (allHealthy ? health.up() : health.down()).withDetails(details);
    }
}
