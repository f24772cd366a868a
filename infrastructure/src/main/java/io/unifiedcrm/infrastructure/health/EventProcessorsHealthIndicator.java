package io.unifiedcrm.infrastructure.health;

import io.unifiedcrm.infrastructure.processing.DeadLetterCounts;
import io.unifiedcrm.infrastructure.processing.ProcessorErrors;
import io.unifiedcrm.infrastructure.processing.ProcessorProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the event processors ({@code /actuator/health}, component {@code eventProcessors}): DOWN if any is
 * {@code ERROR} (failing: its latest batch failed and it has not passed that batch yet, {@link ProcessorErrors}), {@code STOPPED}, {@code STALLED} (behind the head of the event store with a position that
 * has not moved for {@code unifiedcrm.processors.stalled-after}), {@code GAPS} (waiting for at least
 * {@code unifiedcrm.processors.gap-alert} global indexes of the event table that no stored event holds yet: writers
 * holding transactions open, or appends rolled back, which every processor tracks until the gap timeout) or
 * {@code DEAD_LETTERS} (running, but holding dead
 * letters: events a handler failed on, and the later events of their sequences, are parked — part of its read model
 * is behind until an operator retries or evicts them); otherwise each is {@code RUNNING}. The details also hold
 * {@code deadLetters}, the count of every processing group with a dead-letter queue. It reads the processors'
 * progress and the dead-letter counts of at most a second ago ({@link ProcessorProgress}, {@link DeadLetterCounts}).
 * The liveness and readiness probes do not include it: a failing projection is for an operator to fix, and
 * restarting or unlisting the instance would not.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration eventProcessing;
    private final ProcessorProgress progress;
    private final DeadLetterCounts deadLetters;
    private final ProcessorErrors errors;
    private final int gapAlert;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration eventProcessing, ProcessorProgress progress,
                                          DeadLetterCounts deadLetters, ProcessorErrors errors,
                                          @Value("${unifiedcrm.processors.gap-alert:1000}") int gapAlert) {
        this.eventProcessing = eventProcessing;
        this.progress = progress;
        this.deadLetters = deadLetters;
        this.errors = errors;
        this.gapAlert = gapAlert;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean allHealthy = true;
        Map<String, Long> deadLetterCounts = deadLetters.deadLetterCounts();
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : eventProcessing.eventProcessors().values()) {
            String state = stateOf(processor, deadLetterCounts.getOrDefault(processor.getName(), 0L));
            allHealthy &= state.equals("RUNNING");
            details.put(processor.getName(), state);
        }
        details.put("deadLetters", deadLetterCounts);
        (allHealthy ? health.up() : health.down()).withDetails(details);
    }

    private String stateOf(EventProcessor processor, long deadLetterCount) {
        ProcessorProgress.Progress current = processor instanceof StreamingEventProcessor
                ? progress.of(processor.getName()) : null;
        if (processor instanceof StreamingEventProcessor streaming && (streaming.isError()
                || errors.current(processor.getName(), current == null ? null : current.position()) != null)) {
            return "ERROR";
        }
        if (!processor.isRunning()) {
            return "STOPPED";
        }
        if (current != null && current.stalled()) {
            return "STALLED";
        }
        if (current != null && current.gaps() >= gapAlert) {
            return "GAPS";
        }
        return deadLetterCount > 0 ? "DEAD_LETTERS" : "RUNNING";
    }
}
