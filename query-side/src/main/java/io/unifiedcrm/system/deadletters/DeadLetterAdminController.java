package io.unifiedcrm.system.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.projection.runtime.deadletters.DeadLetterRetry;
import io.unifiedcrm.projection.runtime.deadletters.DeadLetterView;
import io.unifiedcrm.projection.runtime.deadletters.DeadLetters;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dead letters of the processing groups (platform admin key): list, retry, evict. README, "Dead letters". */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterAdminController {

    private final DeadLetters deadLetters;

    DeadLetterAdminController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Dead letters by processing group, sequence and place in the sequence: events a handler "
            + "failed on (with the cause) and the later events of their sequences parked behind them")
    ItemList<DeadLetterView> list(
            @Parameter(description = "only this processing group (404 if it has no dead-letter queue here)")
            @RequestParam(required = false) String group,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return deadLetters.list(group, limit, cursor);
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Handle the group's parked sequences again (or one sequence), in order; a sequence that "
            + "fails again stays parked with the new cause. Answers when done")
    DeadLetterRetry retry(@PathVariable String group,
                          @Parameter(description = "only this sequence (404 if it holds no dead letters)")
                          @RequestParam(required = false) String sequence) {
        return deadLetters.retry(group, sequence);
    }

    @DeleteMapping("/{group}/letters/{letterId}")
    @Operation(summary = "Evict one dead letter: its event is never handled by the group (until a replay); the "
            + "later letters of its sequence stay parked until retried")
    ResponseEntity<Void> evictLetter(@PathVariable String group, @PathVariable String letterId) {
        deadLetters.evictLetter(group, letterId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{group}/sequences/{sequence}")
    @Operation(summary = "Evict every dead letter of a sequence: none of its parked events is handled by the group "
            + "(until a replay), and its new events flow again")
    ResponseEntity<Void> evictSequence(@PathVariable String group, @PathVariable String sequence) {
        deadLetters.evictSequence(group, sequence);
        return ResponseEntity.noContent().build();
    }
}
