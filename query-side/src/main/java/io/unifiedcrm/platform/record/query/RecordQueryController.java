package io.unifiedcrm.platform.record.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionView;
import io.unifiedcrm.platform.definition.query.ObjectDefinitionQueries;
import io.unifiedcrm.platform.record.api.FindRecordQuery;
import io.unifiedcrm.platform.record.api.FindRecordsQuery;
import io.unifiedcrm.platform.record.api.PropertySort;
import io.unifiedcrm.platform.record.api.RecordPage;
import io.unifiedcrm.platform.record.api.RecordView;
import io.unifiedcrm.shared.DomainRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
@RequestMapping("/api/v1/records")
class RecordQueryController {

    private final QueryGateway queries;
    private final ObjectDefinitionQueries definitions;

    RecordQueryController(QueryGateway queries, ObjectDefinitionQueries definitions) {
        this.queries = queries;
        this.definitions = definitions;
    }

    @GetMapping
    @Operation(summary = "List records of an object type with property filters (AND), a sort and keyset paging",
            description = "filter[p]=v (equality), filter[p][op]=v with op one of eq, ne, gt, gte, lt, lte, in "
                    + "(comma-separated values), contains (text), exists (true/false); numbers, dates and "
                    + "date-times compare as the schema types them. sort=p or sort=-p (missing values last). Only "
                    + "properties the schema declares may be used; anything else is a 400.")
    ItemList<RecordView> list(CallerOrganization organization, @RequestParam String objectType,
                              @RequestParam(required = false) String sort,
                              @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String cursor, HttpServletRequest request) {
        ObjectDefinitionView definition = definitions.find(organization.id(), objectType).orElseThrow(() ->
                new BadRequest("invalid_filter", "objectType", "No object type " + objectType + "."));
        PropertySort propertySort = RecordFilters.sortOf(definition, sort);
        int pageSize = Paging.limit(limit);
        String afterSortValue = null;
        String afterCreatedAt = null;
        UUID afterId = null;
        if (propertySort == null) {
            Paging.CreatedOrderKey after = Paging.createdOrderKeyOf(cursor);
            afterCreatedAt = after.createdAt() == null ? null : after.createdAt().toString();
            afterId = after.id();
        } else {
            List<String> key = Paging.sortKeyOf(cursor, 3);
            if (key != null) {
                afterSortValue = key.get(0).equals("1") ? key.get(1) : null;
                afterId = Paging.uuidAt(key, 2);
            }
        }
        RecordPage page = queries.query(new FindRecordsQuery(organization.id(), objectType,
                RecordFilters.of(definition, request.getParameterMap()), propertySort, afterSortValue, afterCreatedAt,
                afterId, pageSize), RecordPage.class).join();
        return new ItemList<>(page.items(), nextCursor(page, propertySort));
    }

    @ReadYourWrites
    @GetMapping("/{recordId}")
    @Operation(summary = "Read a record; include=associations adds its associations from both ends")
    ResponseEntity<RecordView> get(CallerOrganization organization, @PathVariable UUID recordId,
                                   @RequestParam(required = false) String include) {
        if (include != null && !include.equals("associations")) {
            throw new BadRequest("invalid_include", "include", "include takes associations.");
        }
        RecordView record = queries.query(new FindRecordQuery(organization.id(), recordId, include != null),
                ResponseTypes.optionalInstanceOf(RecordView.class)).join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(record.version())).body(record);
    }

    private static String nextCursor(RecordPage page, PropertySort sort) {
        if (sort == null) {
            return Paging.nextCursorInCreatedOrder(page.items(), page.hasMore(), RecordView::createdAt,
                    RecordView::id);
        }
        if (!page.hasMore() || page.items().isEmpty()) {
            return null;
        }
        RecordView last = page.items().get(page.items().size() - 1);
        return Paging.cursorAfter(List.of(page.lastSortValue() == null ? "0" : "1",
                page.lastSortValue() == null ? "" : page.lastSortValue(), last.id().toString()));
    }
}
