package io.unifiedcrm.system.projections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.projection.runtime.status.ProjectionStatus;
import io.unifiedcrm.projection.runtime.status.Projections;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Projection administration (platform admin key). */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    private final Projections projections;
    ProjectionAdminController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    @Operation(summary = "Every projection (processing group) with its status and position, by name")
    ItemList<ProjectionStatus> list(@RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor) {
        int pageSize = Paging.limit(limit);
        List<String> after = Paging.sortKeyOf(cursor, 1);
        List<ProjectionStatus> page = projections.statuses().stream()
                .filter(status -> after == null || status.name().compareTo(after.get(0)) > 0)
                .limit(pageSize + 1L)
                .toList();
        boolean hasMore = page.size() > pageSize;
        List<ProjectionStatus> items = hasMore ? page.subList(0, pageSize) : page;
        return new ItemList<>(items,
                hasMore ? Paging.cursorAfter(List.of(items.get(items.size() - 1).name())) : null);
    }

    @GetMapping("/{name}")
    @Operation(summary = "One projection's status and position")
    ProjectionStatus get(@PathVariable String name) {
        return projections.status(name);
    }

    @PostMapping("/replay")
    @Operation(summary = "Reset several projections and rebuild them from the first event together (one read of the "
            + "event stream for all); answers at once")
    @ApiResponse(responseCode = "202", description = "The replays started: the statuses of the projections",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(ref = "#/components/schemas/ItemListProjectionStatus")))
    ResponseEntity<ItemList<ProjectionStatus>> replayTogether(
            @Parameter(description = "The projections (repeated or comma-separated); every projection that can be "
                    + "replayed when absent") @RequestParam(required = false) List<String> names) {
        List<String> requested = names == null ? List.of()
                : names.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
        if (names != null && requested.isEmpty()) {
            throw new BadRequest("invalid_names", "names", "give one or more projection names, or leave names out");
        }
        return ResponseEntity.accepted().body(new ItemList<>(projections.replay(requested), null));
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Reset the projection and rebuild it from the first event; answers at once, watch its status")
    @ApiResponse(responseCode = "202", description = "The replay started: the projection's status",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ProjectionStatus.class)))
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.accepted().body(projections.replay(name));
    }
}
