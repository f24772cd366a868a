package io.unifiedcrm.projection.runtime.rebuild;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * How far a rebuild without downtime of one projection has come: the shadow processor's position (the lowest of its
 * segments) against the head of the event stream, the share of the stream replayed, the replay's speed since it
 * started and the time it still needs at that speed. Numbers are null while unknown.
 */
public record RebuildStatus(
        @Schema(example = "crm") String name,
        @Schema(example = "catching-up", allowableValues = {"copying", "catching-up", "switching", "done", "failed"})
        RebuildState state,
        @Schema(example = "2026-11-26T03:10:00Z") Instant startedAt,
        @Schema(example = "2026-11-26T03:10:42Z") Instant finishedAt,
        @Schema(example = "51200") Long position,
        @Schema(example = "102400") Long headPosition,
        @Schema(example = "50.0") Double progressPercent,
        @Schema(example = "2400.0") Double eventsPerSecond,
        @Schema(example = "21") Long etaSeconds,
        @Schema(example = "IllegalStateException: ...") String error) {
}
