package io.unifiedcrm.system.projections;

import io.unifiedcrm.infrastructure.processing.ProcessorPositions;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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

    Projections(EventProcessingConfiguration eventProcessing, EventStore eventStore) {
        this.eventProcessing = eventProcessing;
        this.eventStore = eventStore;
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
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new DomainRuleViolation(ErrorCode.REPLAY_NOT_POSSIBLE, null,
                    "'" + name + "' has side effects (it sends commands) and is never replayed.");
        }
        processor.shutdownAsync().join();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new DomainRuleViolation(ErrorCode.REPLAY_NOT_POSSIBLE, null,
                    "Another instance holds segments of '" + name + "'; stop the other instances and retry.");
        } finally {
            processor.start();
        }
        return status(name);
    }

    private StreamingEventProcessor processor(String name) {
        return eventProcessing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(DomainRuleViolation::notFound);
    }

    private Long headPosition() {
        return ProcessorPositions.headPosition(eventStore);
    }

    private static ProjectionStatus statusOf(StreamingEventProcessor processor, Long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        List<SegmentStatus> segmentStatuses = segments.values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(Projections::segmentStatusOf)
                .toList();
        Long position = ProcessorPositions.positionOf(segments.values());
        Long lag = ProcessorPositions.lag(position, head);
        boolean error = segments.values().stream().anyMatch(EventTrackerStatus::isErrorState) || processor.isError();
        boolean replaying = segmentStatuses.stream().anyMatch(SegmentStatus::replaying);
        return new ProjectionStatus(processor.getName(), processor.isRunning(), error, replaying,
                processor.supportsReset(), position, head, lag, segmentStatuses);
    }

    private static SegmentStatus segmentStatusOf(EventTrackerStatus status) {
        return new SegmentStatus(status.getSegment().getSegmentId(),
                ProcessorPositions.boxed(status.getCurrentPosition()),
                isStillReplaying(status), status.isCaughtUp(),
                status.getError() == null ? null : status.getError().getClass().getSimpleName());
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
