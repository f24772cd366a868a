package io.unifiedcrm.commerce.product.command;

import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.UUID;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Products as orders see them, from the Product aggregate (loaded in the caller's unit of work). */
@Component
public class ProductCatalog {

    private final Repository<Product> products;

    public ProductCatalog(Repository<Product> products) {
        this.products = products;
    }

    /** @throws DomainRuleViolation {@code unknown_product} for a missing or foreign product (named in a body) */
    public ProductOffer offer(UUID organizationId, UUID productId) {
        try {
            return products.load(productId.toString()).invoke(product -> product.offerTo(organizationId));
        } catch (AggregateNotFoundException | IncompatibleAggregateException missing) {
            throw unknown();
        } catch (DomainRuleViolation violation) {
            throw violation.errorCode() == ErrorCode.NOT_FOUND ? unknown() : violation;
        }
    }

    private static DomainRuleViolation unknown() {
        return new DomainRuleViolation(ErrorCode.UNKNOWN_PRODUCT, "productId",
                "No product with this id in this organization.");
    }
}
