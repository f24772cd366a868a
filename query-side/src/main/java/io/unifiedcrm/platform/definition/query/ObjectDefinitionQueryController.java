package io.unifiedcrm.platform.definition.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.platform.definition.api.FindObjectDefinitionQuery;
import io.unifiedcrm.platform.definition.api.FindObjectDefinitionsQuery;
import io.unifiedcrm.platform.definition.api.ObjectDefinitionView;
import io.unifiedcrm.shared.DomainRuleViolation;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/object-definitions")
class ObjectDefinitionQueryController {

    private final QueryGateway queries;

    ObjectDefinitionQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the organization's object types, the system types contact and company included")
    ItemList<ObjectDefinitionView> list(CallerOrganization organization) {
        return new ItemList<>(queries.query(new FindObjectDefinitionsQuery(organization.id()),
                ResponseTypes.multipleInstancesOf(ObjectDefinitionView.class)).join(), null);
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
