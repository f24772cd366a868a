package io.unifiedcrm.system.projections;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.projection.runtime.status.ProjectionStatus;
import io.unifiedcrm.projection.runtime.status.Projections;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves a segment to another query-side instance (platform admin key). Without Axon Server nothing balances the
 * segments of a split deployment: an instance claims every segment nobody holds, so the first one to start holds
 * them all. Releasing one here lets it go and keeps this instance from claiming it again for twice the claim
 * interval (10 s), in which another instance claims it ({@link Projections#releaseSegment}).
 */
@RestController
class SegmentReleaseController {

    private final Projections projections;

    SegmentReleaseController(Projections projections) {
        this.projections = projections;
    }

    @PostMapping("/api/v1/admin/projections/{name}/segments/{segment}/release")
    @Operation(summary = "Let go of a segment this instance holds, so that another instance claims it; 404 when this "
            + "instance does not hold it")
    ResponseEntity<ProjectionStatus> release(@PathVariable String name, @PathVariable int segment) {
        return ResponseEntity.accepted().body(projections.releaseSegment(name, segment));
    }
}
