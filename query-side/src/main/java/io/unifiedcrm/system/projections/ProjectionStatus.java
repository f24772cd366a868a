package io.unifiedcrm.system.projections;

import java.util.List;

/**
 * The state of one projection (processing group): whether it runs, how far it has read the event stream
 * ({@code position}, the lowest position of its segments) against the stream's head, whether it is replaying, and
 * whether it can be replayed at all ({@code replayable} is false for processors with side effects).
 */
public record ProjectionStatus(
        String name,
        boolean running,
        boolean error,
        boolean replaying,
        boolean replayable,
        Long position,
        Long headPosition,
        Long lag,
        List<SegmentStatus> segments) {
}
