package io.unifiedcrm.projection.runtime.status;

/**
 * One segment of a projection's processor: its owner in the token store (null when no instance holds it), whether
 * this instance processes it, and how far it is. {@code replaying}, {@code caughtUp} and {@code error} are known only
 * for the segments this instance processes (null for the others).
 */
public record SegmentStatus(int segment, String owner, boolean processedHere, Long position, Boolean replaying,
                            Boolean caughtUp, String error) {
}
