package io.unifiedcrm.identity.organization.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.identity.organization.api.FindOrganizationQuery;
import io.unifiedcrm.identity.organization.api.OrganizationView;
import io.unifiedcrm.infrastructure.security.Caller;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
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
@RequestMapping("/api/v1/organizations")
class OrganizationQueryController {

    private final QueryGateway queries;

    OrganizationQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @ReadYourWrites
    @GetMapping("/{organizationId}")
    @Operation(summary = "Read an organization: the caller's own, or any with the platform admin key")
    ResponseEntity<OrganizationView> get(Caller caller, @PathVariable UUID organizationId) {
        if (!caller.mayAccess(organizationId)) {
            throw DomainRuleViolation.notFound();
        }
        OrganizationView organization = queries.query(new FindOrganizationQuery(organizationId),
                        ResponseTypes.optionalInstanceOf(OrganizationView.class))
                .join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(organization.version())).body(organization);
    }
}
