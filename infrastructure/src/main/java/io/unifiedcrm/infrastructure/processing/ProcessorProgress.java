package io.unifiedcrm.infrastructure.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The progress of every streaming processor of this instance, for the lag gauges and the processors' health. A
 * snapshot costs one query for the head of the event store, plus — only if some processor is behind — one read of
 * the oldest event each lagging processor has not processed yet ({@link EventAges}); it is kept for a second, so
 * scrapes and health checks cost at most that once a second however many processors and segments there are.
 *
 * <p>Gauges per processing group ({@code processor} tag): {@code unifiedcrm_processor_lag_events} (head position
 * minus the processor's position) and {@code unifiedcrm_processor_lag_ms} (age of the oldest event the processor has
 * not processed yet; 0 when caught up). Both are NaN while the position is unknown (a segment without a position yet).
 * {@code unifiedcrm_processor_gaps}: the global indexes a segment of the processor on this instance waits for.
 */
@Component
public class ProcessorProgress {

    /**
     * One processor's progress; the numbers are null when unknown. {@code gaps}: the most global indexes one of its
     * segments on this instance waits for (taken by writers that have not committed, or rolled back).
     */
    public record Progress(Long position, Long lagEvents, Long lagMillis, boolean stalled, int gaps) {
    }

    private record Snapshot(Instant takenAt, Map<String, Progress> processors) {
    }

    private static final Duration KEPT_FOR = Duration.ofSeconds(1);

    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;
    private final EventAges eventAges;
    private final TokenClaims tokenClaims;
    private final StallRule stallRule;
    private final Clock clock;
    private Snapshot snapshot;

    public ProcessorProgress(EventProcessingConfiguration eventProcessing, EventStore eventStore, EventAges eventAges,
                             TokenClaims tokenClaims,
                             @Value("${unifiedcrm.processors.stalled-after:PT60S}") Duration stalledAfter) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
        this.eventAges = eventAges;
        this.tokenClaims = tokenClaims;
        this.stallRule = new StallRule(stalledAfter);
        this.clock = Clock.systemUTC();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void registerGauges(ApplicationReadyEvent ready) {
        MeterRegistry meters = ready.getApplicationContext().getBean(MeterRegistry.class);
        for (String processor : streamingProcessors().keySet()) {
            Gauge.builder("unifiedcrm.processor.lag.events", this, progress -> progress.gauge(processor, true))
                    .tag("processor", processor)
                    .description("Events between the head of the event store and the processor's position")
                    .register(meters);
            Gauge.builder("unifiedcrm.processor.lag.ms", this, progress -> progress.gauge(processor, false))
                    .tag("processor", processor)
                    .description("Age in milliseconds of the oldest event the processor has not processed (0 when caught up)")
                    .register(meters);
            Gauge.builder("unifiedcrm.processor.gaps", this, progress -> {
                        Progress current = progress.of(processor);
                        return current == null ? Double.NaN : current.gaps();
                    })
                    .tag("processor", processor)
                    .description("Global indexes of the event table the processor waits for (the most of a segment of this instance)")
                    .register(meters);
        }
    }

    /** The processor's progress as of at most a second ago, or null if there is no such streaming processor. */
    public Progress of(String processor) {
        return current().processors().get(processor);
    }

    private double gauge(String processor, boolean events) {
        Progress progress = of(processor);
        Long value = progress == null ? null : events ? progress.lagEvents() : progress.lagMillis();
        return value == null ? Double.NaN : value;
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(snapshot.takenAt().plus(KEPT_FOR))) {
            snapshot = take(now);
        }
        return snapshot;
    }

    private Snapshot take(Instant now) {
        Map<String, StreamingEventProcessor> processors = streamingProcessors();
        Long head = ProcessorPositions.headPosition(eventStore);
        Map<String, List<TokenClaims.Claim>> claims = tokenClaims.all();
        Map<String, Long> positions = new HashMap<>();
        Set<Long> lagging = new HashSet<>();
        processors.forEach((name, processor) -> {
            Long position = ProcessorPositions.lowest(claims.getOrDefault(name, List.of()),
                    processor.processingStatus());
            positions.put(name, position);
            Long lag = ProcessorPositions.lag(position, head);
            if (lag != null && lag > 0) {
                lagging.add(position);
            }
        });
        Map<Long, Instant> oldestUnprocessed = oldestUnprocessedEvents(lagging);
        Map<String, Progress> progress = new HashMap<>();
        positions.forEach((name, position) -> {
            Long lag = ProcessorPositions.lag(position, head);
            Long lagMillis = lag == null ? null
                    : lag == 0 ? Long.valueOf(0)
                    : oldestUnprocessed.containsKey(position)
                            ? Math.max(0, Duration.between(oldestUnprocessed.get(position), now).toMillis())
                            : null;
            progress.put(name, new Progress(position, lag, lagMillis, stallRule.observe(name, position, lag, now),
                    gapsOf(processors.get(name))));
        });
        return new Snapshot(now, Map.copyOf(progress));
    }

    private static int gapsOf(StreamingEventProcessor processor) {
        int most = 0;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
            if (token instanceof GapAwareTrackingToken gapAware) {
                most = Math.max(most, gapAware.getGaps().size());
            }
        }
        return most;
    }

    /** For each position, the time of the first event after it. */
    private Map<Long, Instant> oldestUnprocessedEvents(Set<Long> positions) {
        Map<Long, Instant> times = new HashMap<>();
        for (Long position : positions) {
            eventAges.firstEventAfter(position).ifPresent(time -> times.put(position, time));
        }
        return times;
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> processors = new HashMap<>();
        eventProcessing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        return processors;
    }
}
