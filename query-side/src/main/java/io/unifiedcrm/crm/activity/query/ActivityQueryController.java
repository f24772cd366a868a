package io.unifiedcrm.crm.activity.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.crm.activity.api.ActivityPage;
import io.unifiedcrm.crm.activity.api.ActivityType;
import io.unifiedcrm.crm.activity.api.ActivityView;
import io.unifiedcrm.crm.activity.api.FindActivitiesQuery;
import io.unifiedcrm.crm.activity.api.FindActivityQuery;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
class ActivityQueryController {

    private final QueryGateway queries;

    ActivityQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List activities newest first (by occurredAt), filtered by personId, dealId, companyId, type",
            description = "personId includes the activities of the persons merged into that person; type is task, "
                    + "call, meeting, note or purchase.")
    ItemList<ActivityView> list(CallerOrganization organization, @RequestParam(required = false) UUID personId,
                                @RequestParam(required = false) UUID dealId,
                                @RequestParam(required = false) UUID companyId,
                                @RequestParam(required = false) String type,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor) {
        if (type != null && !ActivityType.isCode(type)) {
            throw new BadRequest("invalid_filter", "type", "type is one of task, call, meeting, note, purchase.");
        }
        int pageSize = Paging.limit(limit);
        Paging.CreatedOrderKey before = Paging.createdOrderKeyOf(cursor);
        ActivityPage page = queries.query(new FindActivitiesQuery(organization.id(), personId, dealId, companyId,
                type, before.createdAt(), before.id(), pageSize), ActivityPage.class).join();
        return new ItemList<>(page.items(), Paging.nextCursorInCreatedOrder(page.items(), page.hasMore(),
                ActivityView::occurredAt, ActivityView::id));
    }

    @ReadYourWrites
    @GetMapping("/{activityId}")
    @Operation(summary = "Read an activity (task, call, meeting, note or purchase)")
    ResponseEntity<ActivityView> get(CallerOrganization organization, @PathVariable UUID activityId) {
        ActivityView activity = queries.query(new FindActivityQuery(organization.id(), activityId),
                ResponseTypes.optionalInstanceOf(ActivityView.class)).join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(activity.version())).body(activity);
    }
}
