package io.unifiedcrm.address.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.address.api.AddressView;
import io.unifiedcrm.address.api.FindAddressQuery;
import io.unifiedcrm.address.api.FindAddressesQuery;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
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
@RequestMapping("/api/v1/addresses")
class AddressQueryController {

    private final QueryGateway queries;

    AddressQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List an owner's addresses (entityType person, company or order; entityId)",
            description = "A person's list includes the addresses of persons merged into them.")
    ItemList<AddressView> list(CallerOrganization organization, @RequestParam String entityType,
                               @RequestParam UUID entityId) {
        String ownerType;
        try {
            ownerType = AddressOwnerType.of(entityType).code();
        } catch (DomainRuleViolation unknown) {
            throw new BadRequest("invalid_filter", "entityType", unknown.getMessage());
        }
        List<AddressView> addresses = queries.query(new FindAddressesQuery(organization.id(), ownerType, entityId),
                ResponseTypes.multipleInstancesOf(AddressView.class)).join();
        return new ItemList<>(addresses, null);
    }

    @ReadYourWrites
    @GetMapping("/{addressId}")
    @Operation(summary = "Read an address of the caller's organization")
    ResponseEntity<AddressView> get(CallerOrganization organization, @PathVariable UUID addressId) {
        AddressView address = queries.query(new FindAddressQuery(organization.id(), addressId),
                        ResponseTypes.optionalInstanceOf(AddressView.class))
                .join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(address.version())).body(address);
    }
}
