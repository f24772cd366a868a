package io.unifiedcrm.timeline.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.timeline.api.FindTimelineQuery;
import io.unifiedcrm.timeline.api.TimelineCategory;
import io.unifiedcrm.timeline.api.TimelineEntryView;
import io.unifiedcrm.timeline.api.TimelinePage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineQueryController {

    private final QueryGateway queries;

    TimelineQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/persons/{personId}/timeline")
    @Operation(summary = "List everything that happened to a person across domains, newest first",
            description = "Includes the persons merged into that person. Each entry has the event's time, category, "
                    + "type (e.g. order.payment_recorded), summary, details, the aggregate it belongs to, the actor "
                    + "and the correlation id of the request that caused it. category filters by one or more "
                    + "(comma-separated) of person, customer, contact, address, order, deal, activity, record.")
    ItemList<TimelineEntryView> list(CallerOrganization organization, @PathVariable UUID personId,
                                     @RequestParam(required = false) String category,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        List<String> categories = categories(category);
        int pageSize = Paging.limit(limit);
        List<String> key = Paging.sortKeyOf(cursor, 2);
        Instant beforeOccurredAt = key == null ? null : Paging.instantAt(key, 0);
        Long beforePosition = key == null ? null : position(key.get(1));
        TimelinePage page = queries.query(new FindTimelineQuery(organization.id(), personId, categories,
                        beforeOccurredAt, beforePosition, pageSize), ResponseTypes.optionalInstanceOf(TimelinePage.class))
                .join().orElseThrow(DomainRuleViolation::notFound);
        String nextCursor = !page.hasMore() || page.items().isEmpty() ? null : Paging.cursorAfter(List.of(
                page.items().get(page.items().size() - 1).occurredAt().toString(),
                String.valueOf(page.lastPosition())));
        return new ItemList<>(page.items(), nextCursor);
    }

    private static List<String> categories(String category) {
        if (category == null || category.isEmpty()) {
            return List.of();
        }
        List<String> categories = Arrays.stream(category.split(",", -1)).map(String::strip).distinct().toList();
        if (!categories.stream().allMatch(TimelineCategory::isCode)) {
            throw new BadRequest("invalid_filter", "category", "category is one or more (comma-separated) of "
                    + "person, customer, contact, address, order, deal, activity, record.");
        }
        return categories;
    }

    private static Long position(String text) {
        try {
            long position = Long.parseLong(text);
            if (position < 0) {
                throw new NumberFormatException("negative");
            }
            return position;
        } catch (NumberFormatException notAPosition) {
            throw new BadRequest("invalid_cursor", "cursor", "The cursor is not one this API handed out.");
        }
    }
}
