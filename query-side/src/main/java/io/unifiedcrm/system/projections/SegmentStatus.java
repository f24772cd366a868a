package io.unifiedcrm.system.projections;

/** One segment of a projection's processor, as seen by this instance. */
public record SegmentStatus(int segment, Long position, boolean replaying, boolean caughtUp, String error) {
}
