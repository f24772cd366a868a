package io.unifiedcrm.projection.runtime.status;

/**
 * How far a replay is: {@code percent} of the events up to the position where it was reset, the rate since this
 * instance first saw it replaying, and the estimated seconds until it reaches the reset position (null while the
 * rate is unknown).
 */
public record ReplayProgress(Long resetPosition, double percent, Double eventsPerSecond, Long etaSeconds) {
}
