package io.unifiedcrm.identity.person.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.person.api.FindPersonQuery;
import io.unifiedcrm.identity.person.api.PersonView;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons")
class PersonQueryController {

    private final QueryGateway queries;

    PersonQueryController(QueryGateway queries) {
        this.queries = queries;
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
