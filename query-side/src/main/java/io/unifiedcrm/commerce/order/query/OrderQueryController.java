package io.unifiedcrm.commerce.order.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.commerce.order.api.FindOrderQuery;
import io.unifiedcrm.commerce.order.api.FindOrdersQuery;
import io.unifiedcrm.commerce.order.api.OrderPage;
import io.unifiedcrm.commerce.order.api.OrderStatus;
import io.unifiedcrm.commerce.order.api.OrderView;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.shared.DomainRuleViolation;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
class OrderQueryController {

    private static final String STATUSES = Arrays.stream(OrderStatus.values()).map(OrderStatus::code)
            .collect(Collectors.joining(", "));

    private final QueryGateway queries;

    OrderQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the organization's orders, newest first, filtered by personId and status",
            description = "personId includes the orders of the persons merged into that person.")
    ItemList<OrderView> list(CallerOrganization organization, @RequestParam(required = false) UUID personId,
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String cursor) {
        if (status != null && Arrays.stream(OrderStatus.values()).noneMatch(known -> known.code().equals(status))) {
            throw new BadRequest("invalid_filter", "status", "status is one of " + STATUSES + ".");
        }
        int pageSize = Paging.limit(limit);
        Paging.CreatedOrderKey after = Paging.createdOrderKeyOf(cursor);
        OrderPage page = queries.query(new FindOrdersQuery(organization.id(), personId, status, after.createdAt(),
                after.id(), pageSize), OrderPage.class).join();
        return new ItemList<>(page.items(), Paging.nextCursorInCreatedOrder(page.items(), page.hasMore(),
                OrderView::createdAt, OrderView::id));
    }

    @ReadYourWrites
    @GetMapping("/{orderId}")
    @Operation(summary = "Read an order with its totals, lines, payments and refunds")
    ResponseEntity<OrderView> get(CallerOrganization organization, @PathVariable UUID orderId) {
        OrderView order = queries.query(new FindOrderQuery(organization.id(), orderId),
                ResponseTypes.optionalInstanceOf(OrderView.class)).join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(order.version())).body(order);
    }
}
