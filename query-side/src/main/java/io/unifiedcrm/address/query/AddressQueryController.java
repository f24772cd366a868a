package io.unifiedcrm.address.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.address.api.AddressOrderKey;
import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.address.api.AddressPage;
import io.unifiedcrm.address.api.AddressView;
import io.unifiedcrm.address.api.FindAddressQuery;
import io.unifiedcrm.address.api.FindAddressesQuery;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
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
    @Operation(summary = "List an owner's addresses (entityType person, company or order; entityId) by type then "
            + "creation; keyset-paged (limit 1-200, default 50; cursor from nextCursor)",
            description = "A person's list includes the addresses of persons merged into them.")
    ItemList<AddressView> list(CallerOrganization organization, @RequestParam String entityType,
                               @RequestParam UUID entityId, @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor) {
        int pageSize = Paging.limit(limit);
        String ownerType;
        try {
            ownerType = AddressOwnerType.of(entityType).code();
        } catch (DomainRuleViolation unknown) {
            throw new BadRequest("invalid_filter", "entityType", unknown.getMessage());
        }
        List<String> after = Paging.sortKeyOf(cursor, 4);
        AddressOrderKey afterKey = after == null ? null : new AddressOrderKey(after.get(0), Paging.intAt(after, 1),
                Paging.instantAt(after, 2), Paging.uuidAt(after, 3));
        AddressPage page = queries.query(new FindAddressesQuery(organization.id(), ownerType, entityId, afterKey,
                pageSize), ResponseTypes.instanceOf(AddressPage.class)).join();
        AddressOrderKey last = page.moreAfter();
        return new ItemList<>(page.items(), last == null ? null : Paging.cursorAfter(List.of(last.type(),
                String.valueOf(last.depth()), last.createdAt().toString(), last.id().toString())));
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
