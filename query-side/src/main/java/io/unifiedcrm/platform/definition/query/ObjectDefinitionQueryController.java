package io.unifiedcrm.platform.definition.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.platform.definition.api.FindObjectDefinitionQuery;
import io.unifiedcrm.platform.definition.api.FindObjectDefinitionsQuery;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionView;
import io.unifiedcrm.shared.DomainRuleViolation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/object-definitions")
class ObjectDefinitionQueryController {

    private final QueryGateway queries;

    ObjectDefinitionQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the organization's object types by name, the system types contact and company "
            + "included; keyset-paged (limit 1-200, default 50; cursor from nextCursor)")
    ItemList<ObjectDefinitionView> list(CallerOrganization organization,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) String cursor) {
        int pageSize = Paging.limit(limit);
        List<String> after = Paging.sortKeyOf(cursor, 1);
        List<ObjectDefinitionView> page = queries.query(new FindObjectDefinitionsQuery(organization.id(),
                after == null ? null : after.get(0), pageSize),
                ResponseTypes.multipleInstancesOf(ObjectDefinitionView.class)).join();
        boolean hasMore = page.size() > pageSize;
        List<ObjectDefinitionView> items = hasMore ? page.subList(0, pageSize) : page;
        return new ItemList<>(items, hasMore ? Paging.cursorAfter(List.of(items.get(items.size() - 1).name()))
                : null);
    }

    @ReadYourWrites
    @GetMapping("/{name}")
    @Operation(summary = "Read an object type: its schema (current version), features and associations")
    ResponseEntity<ObjectDefinitionView> get(CallerOrganization organization, @PathVariable String name) {
        ObjectDefinitionView definition = queries.query(new FindObjectDefinitionQuery(organization.id(), name),
                ResponseTypes.optionalInstanceOf(ObjectDefinitionView.class)).join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(definition.version())).body(definition);
    }
}
