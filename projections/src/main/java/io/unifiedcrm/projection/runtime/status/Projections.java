package io.unifiedcrm.projection.runtime.status;

import io.unifiedcrm.infrastructure.processing.DeadLetterCounts;
import io.unifiedcrm.infrastructure.processing.ProcessorErrors;
import io.unifiedcrm.infrastructure.processing.ProcessorPositions;
import io.unifiedcrm.infrastructure.processing.ProcessorProgress;
import io.unifiedcrm.infrastructure.processing.TokenClaims;
import io.unifiedcrm.projection.runtime.rebuild.BlueGreenRebuilds;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/** Status and replay of the projections: the streaming event processors of this application. */
@Service
public class Projections {

    private final EventProcessingConfiguration eventProcessing;
    private final EventStore eventStore;
    private final TokenClaims tokenClaims;
    private final ReplayObservations replays;
    private final ProcessorProgress progress;
    private final BlueGreenRebuilds rebuilds;
    private final DeadLetterCounts deadLetters;
    private final ProcessorErrors errors;

    Projections(EventProcessingConfiguration eventProcessing, EventStore eventStore, TokenClaims tokenClaims,
                ReplayObservations replays, ProcessorProgress progress, BlueGreenRebuilds rebuilds,
                DeadLetterCounts deadLetters, ProcessorErrors errors) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
        this.tokenClaims = tokenClaims;
        this.replays = replays;
        this.progress = progress;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
        this.errors = errors;
    }

    public List<ProjectionStatus> statuses() {
        Long head = headPosition();
        return eventProcessing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> statusOf(processor, head))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    public ProjectionStatus status(String name) {
        return statusOf(processor(name), headPosition());
    }

    /**
     * Clears the projection's tables (its {@code @ResetHandler}s) and rebuilds them from the first event. This
     * instance must be able to claim all the processor's segments: in a split deployment, stop the other query-side
     * instances first.
     */
    public ProjectionStatus replay(String name) {
        return replay(List.of(name)).get(0);
    }

    /**
     * Replays several projections at once: all are stopped, reset and started together, so that they read the event
     * stream together from the first event (one read for all of them, see {@code SharedEventReader}). Every name is
     * checked before any projection is touched.
     *
     * @param names the projections, each once; empty for every projection that can be replayed
     */
    public List<ProjectionStatus> replay(List<String> names) {
        Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
        if (names.isEmpty()) {
            eventProcessing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .filter(StreamingEventProcessor::supportsReset)
                    .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                    .forEach(processor -> processors.put(processor.getName(), processor));
        }
        for (String name : names) {
            StreamingEventProcessor processor = processor(name);
            if (!processor.supportsReset()) {
                throw new DomainRuleViolation(ErrorCode.REPLAY_NOT_POSSIBLE, null,
                        "'" + name + "' has side effects (it sends commands) and is never replayed.");
            }
            processors.put(name, processor);
        }
        return rebuilds.unlessRebuilding(processors.keySet(), () -> reset(processors),
                name -> new DomainRuleViolation(ErrorCode.REPLAY_NOT_POSSIBLE, null,
                        "A rebuild of '" + name + "' without downtime is running; watch its status."));
    }

    private List<ProjectionStatus> reset(Map<String, StreamingEventProcessor> processors) {
        CompletableFuture.allOf(processors.values().stream()
                .map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        try {
            processors.forEach((name, processor) -> {
                try {
                    processor.resetTokens();
                    replays.started(name);
                } catch (UnableToClaimTokenException claimedElsewhere) {
                    throw new DomainRuleViolation(ErrorCode.REPLAY_NOT_POSSIBLE, null, "Another instance holds "
                            + "segments of '" + name + "'; stop the other instances and retry.");
                }
            });
        } finally {
            processors.values().forEach(StreamingEventProcessor::start);
        }
        Long head = headPosition();
        return processors.values().stream().map(processor -> statusOf(processor, head)).toList();
    }

    /**
     * Lets go of a segment this instance processes, so that another instance claims it: Axon keeps this instance
     * from claiming it again for twice the claim interval.
     *
     * @throws DomainRuleViolation not found for an unknown projection or a segment this instance does not process
     */
    public ProjectionStatus releaseSegment(String name, int segment) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.processingStatus().containsKey(segment)) {
            throw DomainRuleViolation.notFound();
        }
        processor.releaseSegment(segment);
        return status(name);
    }

    private StreamingEventProcessor processor(String name) {
        return eventProcessing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(DomainRuleViolation::notFound);
    }

    private Long headPosition() {
        return ProcessorPositions.headPosition(eventStore);
    }

    private ProjectionStatus statusOf(StreamingEventProcessor processor, Long head) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> here = processor.processingStatus();
        List<TokenClaims.Claim> claims = tokenClaims.of(name);
        List<SegmentStatus> segments = segmentsOf(claims, here);
        Long position = ProcessorPositions.lowest(claims, here);
        Long lag = ProcessorPositions.lag(position, head);
        ProcessorErrors.Failure failure = errors.current(name, position);
        String errorMessage = here.values().stream().map(EventTrackerStatus::getError).filter(Objects::nonNull)
                .findFirst().map(ProcessorErrors::describe)
                .orElse(failure == null ? null : failure.message());
        boolean error = errorMessage != null || processor.isError();
        boolean replaying = segments.stream().anyMatch(segment -> Boolean.TRUE.equals(segment.replaying()));
        ReplayProgress replay = null;
        if (replaying) {
            replay = replays.progress(name, position, Stream.concat(
                            here.values().stream().map(status -> ProcessorPositions.boxed(status.getResetPosition())),
                            claims.stream().map(TokenClaims.Claim::resetPosition))
                    .filter(Objects::nonNull).max(Long::compare).orElse(null));
        } else {
            replays.ended(name);
        }
        return new ProjectionStatus(name, processor.isRunning(), error, errorMessage, replaying, replay,
                processor.supportsReset(), position, head, lag, lagMillis(name, lag),
                rebuilds.latest(name).orElse(null), deadLetters.deadLetterCount(name), segments);
    }

    /**
     * Every segment in the token store; the ones processed here with this instance's fresher view. A segment whose
     * work has not finished a batch since its processor started (or that another instance processes) is replaying
     * when the token store holds a replay's token for it.
     */
    private static List<SegmentStatus> segmentsOf(List<TokenClaims.Claim> claims,
                                                  Map<Integer, EventTrackerStatus> here) {
        Map<Integer, SegmentStatus> segments = new TreeMap<>();
        for (TokenClaims.Claim claim : claims) {
            segments.put(claim.segment(), new SegmentStatus(claim.segment(), claim.owner(), false,
                    claim.position(), claim.resetPosition() != null ? Boolean.TRUE : null, null, null));
        }
        here.forEach((segment, status) -> segments.put(segment, new SegmentStatus(segment,
                segments.containsKey(segment) ? segments.get(segment).owner() : null, true,
                ProcessorPositions.boxed(status.getCurrentPosition()), isStillReplaying(status), status.isCaughtUp(),
                status.getError() == null ? null : ProcessorErrors.describe(status.getError()))));
        return List.copyOf(segments.values());
    }

    /**
     * The age of the oldest event the projection has not processed: 0 when caught up, null when unknown — as the lag
     * gauges have it ({@link ProcessorProgress}: read through the event store, at most once a second).
     */
    private Long lagMillis(String name, Long lag) {
        if (lag == null || lag == 0) {
            return lag;
        }
        ProcessorProgress.Progress current = progress.of(name);
        return current == null ? null : current.lagMillis();
    }

    /**
     * Axon keeps a segment's replay token until that segment handles an event past the reset position, which in a
     * quiet system can be long after the replay has caught up; an operator wants to know whether it is catching up.
     */
    private static boolean isStillReplaying(EventTrackerStatus status) {
        OptionalLong current = status.getCurrentPosition();
        OptionalLong resetAt = status.getResetPosition();
        return status.isReplaying()
                && (current.isEmpty() || resetAt.isEmpty() || current.getAsLong() < resetAt.getAsLong());
    }
}
