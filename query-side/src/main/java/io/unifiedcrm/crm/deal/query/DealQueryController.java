package io.unifiedcrm.crm.deal.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.crm.deal.api.DealPage;
import io.unifiedcrm.crm.deal.api.DealStatus;
import io.unifiedcrm.crm.deal.api.DealView;
import io.unifiedcrm.crm.deal.api.FindDealQuery;
import io.unifiedcrm.crm.deal.api.FindDealsQuery;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.Arrays;
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
@RequestMapping("/api/v1/deals")
class DealQueryController {

    private final QueryGateway queries;

    DealQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the organization's deals, newest first, filtered by pipeline, stage, owner, personId "
            + "and status", description = "personId includes the deals of the persons merged into that person.")
    ItemList<DealView> list(CallerOrganization organization, @RequestParam(required = false) UUID pipeline,
                            @RequestParam(required = false) UUID stage, @RequestParam(required = false) UUID owner,
                            @RequestParam(required = false) UUID personId,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) Integer limit,
                            @RequestParam(required = false) String cursor) {
        if (status != null && Arrays.stream(DealStatus.values()).noneMatch(known -> known.code().equals(status))) {
            throw new BadRequest("invalid_filter", "status", "status is open, won or lost.");
        }
        int pageSize = Paging.limit(limit);
        Paging.CreatedOrderKey after = Paging.createdOrderKeyOf(cursor);
        DealPage page = queries.query(new FindDealsQuery(organization.id(), pipeline, stage, owner, personId, status,
                after.createdAt(), after.id(), pageSize), DealPage.class).join();
        return new ItemList<>(page.items(), Paging.nextCursorInCreatedOrder(page.items(), page.hasMore(),
                DealView::createdAt, DealView::id));
    }

    @ReadYourWrites
    @GetMapping("/{dealId}")
    @Operation(summary = "Read a deal with its stage and its stage history (time in each stage)")
    ResponseEntity<DealView> get(CallerOrganization organization, @PathVariable UUID dealId) {
        DealView deal = queries.query(new FindDealQuery(organization.id(), dealId),
                ResponseTypes.optionalInstanceOf(DealView.class)).join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(deal.version())).body(deal);
    }
}
