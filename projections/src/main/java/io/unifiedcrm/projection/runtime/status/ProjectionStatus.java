package io.unifiedcrm.projection.runtime.status;

import io.unifiedcrm.projection.runtime.rebuild.RebuildStatus;
import java.util.List;

/**
 * The state of one projection (processing group): whether it runs here, how far it has read the event stream
 * ({@code position}, the lowest position of all its segments, whichever instance holds them) against the stream's
 * head, in events and in milliseconds (the age of the oldest event not processed yet), whether it is replaying and
 * how far, whether it can be replayed at all ({@code replayable} is false for processors with side effects), its
 * error (the cause of a failing segment here), its dead letters (events parked in its dead-letter queue), the latest rebuild without downtime run on this instance (null if
 * none) and its segments.
 */
public record ProjectionStatus(
        String name,
        boolean running,
        boolean error,
        String errorMessage,
        boolean replaying,
        ReplayProgress replay,
        boolean replayable,
        Long position,
        Long headPosition,
        Long lag,
        Long lagMillis,
        RebuildStatus rebuild,
        long deadLetters,
        List<SegmentStatus> segments) {
}
