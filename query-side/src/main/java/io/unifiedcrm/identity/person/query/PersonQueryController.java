package io.unifiedcrm.identity.person.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.person.api.FindPersonQuery;
import io.unifiedcrm.identity.person.api.FindPersonsQuery;
import io.unifiedcrm.identity.person.api.PersonPage;
import io.unifiedcrm.identity.person.api.PersonView;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.shared.DomainRuleViolation;
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
@RequestMapping("/api/v1/persons")
class PersonQueryController {

    private final QueryGateway queries;

    PersonQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the organization's persons in creation order; filter by e-mail (any case)")
    ItemList<PersonView> list(CallerOrganization organization, @RequestParam(required = false) String email,
                              @RequestParam(required = false) Integer limit,
                              @RequestParam(required = false) String cursor) {
        int pageSize = Paging.limit(limit);
        List<String> after = Paging.sortKeyOf(cursor, 2);
        PersonPage page = queries.query(new FindPersonsQuery(organization.id(), email,
                after == null ? null : Paging.instantAt(after, 0),
                after == null ? null : Paging.uuidAt(after, 1), pageSize), PersonPage.class).join();
        PersonView last = page.items().isEmpty() ? null : page.items().get(page.items().size() - 1);
        return new ItemList<>(page.items(), page.hasMore()
                ? Paging.cursorAfter(List.of(last.createdAt().toString(), last.id().toString())) : null);
    }

    @GetMapping("/{personId}")
    @Operation(summary = "Read a person of the caller's organization")
    ResponseEntity<PersonView> get(CallerOrganization organization, @PathVariable UUID personId) {
        PersonView person = queries.query(new FindPersonQuery(organization.id(), personId),
                        ResponseTypes.optionalInstanceOf(PersonView.class))
                .join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(person.version())).body(person);
    }
}
