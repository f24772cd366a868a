package io.unifiedcrm.system.projections.rebuild;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.projection.runtime.rebuild.BlueGreenRebuilds;
import io.unifiedcrm.projection.runtime.rebuild.RebuildStatus;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds of projections without downtime (platform admin key). */
@RestController
@RequestMapping("/api/v1/admin/projections/{name}/rebuild")
class ProjectionRebuildController {

    private final BlueGreenRebuilds rebuilds;

    ProjectionRebuildController(BlueGreenRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping
    @Operation(summary = "Rebuild the projection from the first event into new tables while the live tables keep "
            + "serving queries, then switch to them at once; answers at once, watch the rebuild's status")
    ResponseEntity<RebuildStatus> rebuild(@PathVariable String name) {
        RebuildStatus started = rebuilds.start(name);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projections/" + name + "/rebuild"))
                .body(started);
    }

    @GetMapping
    @Operation(summary = "The state and progress of the projection's latest rebuild without downtime on this "
            + "instance: position, head, percent, events per second, estimated seconds left")
    RebuildStatus status(@PathVariable String name) {
        return rebuilds.status(name);
    }
}
