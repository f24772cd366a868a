package io.unifiedcrm.commerce.product.query;

import io.swagger.v3.oas.annotations.Operation;
import io.unifiedcrm.commerce.product.api.FindProductQuery;
import io.unifiedcrm.commerce.product.api.FindProductsQuery;
import io.unifiedcrm.commerce.product.api.ProductPage;
import io.unifiedcrm.commerce.product.api.ProductView;
import io.unifiedcrm.infrastructure.security.CallerOrganization;
import io.unifiedcrm.infrastructure.web.BadRequest;
import io.unifiedcrm.infrastructure.web.ItemList;
import io.unifiedcrm.infrastructure.web.Paging;
import io.unifiedcrm.infrastructure.web.ReadYourWrites;
import io.unifiedcrm.shared.DomainRuleViolation;
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
@RequestMapping("/api/v1/products")
class ProductQueryController {

    private final QueryGateway queries;

    ProductQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List the catalog with inventory levels, filtered by status, tag and q (name or SKU prefix)")
    ItemList<ProductView> list(CallerOrganization organization, @RequestParam(required = false) String status,
                               @RequestParam(required = false) String tag,
                               @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor) {
        if (status != null && !status.equals("active") && !status.equals("archived")) {
            throw new BadRequest("invalid_filter", "status", "status is active or archived.");
        }
        int pageSize = Paging.limit(limit);
        Paging.CreatedOrderKey after = Paging.createdOrderKeyOf(cursor);
        ProductPage page = queries.query(new FindProductsQuery(organization.id(), status, tag,
                q == null || q.isBlank() ? null : q.strip(), after.createdAt(), after.id(), pageSize),
                ProductPage.class).join();
        return new ItemList<>(page.items(), Paging.nextCursorInCreatedOrder(page.items(), page.hasMore(),
                ProductView::createdAt, ProductView::id));
    }

    @ReadYourWrites
    @GetMapping("/{productId}")
    @Operation(summary = "Read a product with its inventory level (on hand, reserved, available)")
    ResponseEntity<ProductView> get(CallerOrganization organization, @PathVariable UUID productId) {
        ProductView product = queries.query(new FindProductQuery(organization.id(), productId),
                ResponseTypes.optionalInstanceOf(ProductView.class)).join()
                .orElseThrow(DomainRuleViolation::notFound);
        return ResponseEntity.ok().eTag(String.valueOf(product.version())).body(product);
    }
}
