package io.unifiedcrm.system.projections;

import java.util.List;

/**
 * The state of one projection (processing group): whether it runs, how far it has read the event stream
 * ({@code position}, the lowest position of its segments) against the stream's head, and whether it is replaying.
 */
public record ProjectionStatus(
        String name,
        boolean running,
        boolean error,
        boolean replaying,
        Long position,
        Long headPosition,
        Long lag,
        List<SegmentStatus> segments) {
}
