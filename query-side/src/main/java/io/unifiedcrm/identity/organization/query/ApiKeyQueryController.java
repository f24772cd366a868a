package io.unifiedcrm.identity.organization.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.organization.api.ApiKeyPage;
import io.unifiedcrm.identity.organization.api.ApiKeyView;
import io.unifiedcrm.identity.organization.api.FindApiKeysQuery;
import io.unifiedcrm.infrastructure.security.Caller;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.List;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations/{organizationId}/api-keys")
class ApiKeyQueryController {

    private final QueryGateway queries;

    ApiKeyQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the organization's API keys (without secrets), in issue order")
    ItemList<ApiKeyView> list(Caller caller, @PathVariable UUID organizationId,
                              @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String cursor) {
        if (!caller.mayAccess(organizationId)) {
            throw DomainRuleViolation.notFound();
        }
        int pageSize = Paging.limit(limit);
        List<String> after = Paging.sortKeyOf(cursor, 1);
        ApiKeyPage page = queries.query(new FindApiKeysQuery(organizationId,
                after == null ? null : Paging.uuidAt(after, 0), pageSize), ApiKeyPage.class).join();
        String nextCursor = page.hasMore()
                ? Paging.cursorAfter(List.of(page.items().get(page.items().size() - 1).id().toString()))
                : null;
        return new ItemList<>(page.items(), nextCursor);
    }
}
