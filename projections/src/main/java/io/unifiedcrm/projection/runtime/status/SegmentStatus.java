package io.unifiedcrm.projection.runtime.status;

/**
 * One segment of a projection's processor: its owner in the token store (null when no instance holds it), whether
 * this instance processes it, and how far it is. {@code caughtUp} and {@code error} are known only for the segments
 * this instance processes (null for the others); {@code replaying} also when the token store holds a replay's token
 * for the segment (else null).
 */
public record SegmentStatus(int segment, String owner, boolean processedHere, Long position, Boolean replaying,
                            Boolean caughtUp, String error) {
}
