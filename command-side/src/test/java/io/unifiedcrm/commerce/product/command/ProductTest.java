package io.unifiedcrm.commerce.product.command;

import io.unifiedcrm.commerce.product.api.AdjustInventoryCommand;
import io.unifiedcrm.commerce.product.api.ChangeProductCommand;
import io.unifiedcrm.commerce.product.api.ConsumeStockCommand;
import io.unifiedcrm.commerce.product.api.CreateProductCommand;
import io.unifiedcrm.commerce.product.api.ProductChangedEvent;
import io.unifiedcrm.commerce.product.api.ProductCreatedEvent;
import io.unifiedcrm.commerce.product.api.ReleaseStockCommand;
import io.unifiedcrm.commerce.product.api.ReserveStockCommand;
import io.unifiedcrm.commerce.product.api.RestockProductCommand;
import io.unifiedcrm.commerce.product.api.StockAdjustedEvent;
import io.unifiedcrm.commerce.product.api.StockConsumedEvent;
import io.unifiedcrm.commerce.product.api.StockReleasedEvent;
import io.unifiedcrm.commerce.product.api.StockReservedEvent;
import io.unifiedcrm.commerce.product.api.StockRestockedEvent;
import io.unifiedcrm.identity.organization.command.OrganizationCurrencies;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-000000000101");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-000000000201");
    private static final UUID OTHER_ORDER = UUID.fromString("00000000-0000-0000-0000-000000000202");
    private static final Money PRICE = new Money(new BigDecimal("12.5000"), "EUR");
    private static final ProductCreatedEvent CREATED = new ProductCreatedEvent(PRODUCT, ORGANIZATION, "MUG-1",
            "Mug", null, PRICE, "active", List.of("gifts", "kitchen"));
    private static final StockRestockedEvent FIVE_ON_HAND = new StockRestockedEvent(PRODUCT, ORGANIZATION, 5, 5);

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(new OrganizationCurrencies(null) {
            @Override
            public String baseCurrencyOf(UUID organizationId) {
                return "EUR";
            }
        });
    }

    @Test
    void aProductIsCreatedWithANormalisedPriceAndSortedTags() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand(PRODUCT, ORGANIZATION, " MUG-1 ", "Mug", " ", new BigDecimal("12.5"),
                        "eur", List.of("kitchen", "gifts", "kitchen")))
                .expectEvents(CREATED);
    }

    @Test
    void aPriceInAnotherCurrencyOrWithTooManyDecimalsOrABadSkuIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand(PRODUCT, ORGANIZATION, "MUG-1", "Mug", null, BigDecimal.TEN, "USD",
                        null))
                .expectException(violation(ErrorCode.CURRENCY_MISMATCH, "price.currency")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand(PRODUCT, ORGANIZATION, "MUG-1", "Mug", null,
                        new BigDecimal("1.23456"), "EUR", null))
                .expectException(violation(ErrorCode.INVALID_MONEY, "price")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateProductCommand(PRODUCT, ORGANIZATION, "MUG 1", "Mug", null, BigDecimal.TEN, "EUR",
                        null))
                .expectException(violation(ErrorCode.INVALID_SKU, "sku")).expectNoEvents();
    }

    @Test
    void aChangeIsOneEventWithTheWholeProduct() {
        fixture.given(CREATED)
                .when(new ChangeProductCommand(PRODUCT, ORGANIZATION, null, null, new BigDecimal("13.9"), null,
                        "archived", null, null))
                .expectEvents(new ProductChangedEvent(PRODUCT, ORGANIZATION, "Mug", null,
                        new Money(new BigDecimal("13.9000"), "EUR"), "archived", List.of("gifts", "kitchen")));
        fixture.given(CREATED)
                .when(new ChangeProductCommand(PRODUCT, ORGANIZATION, "Mug", null, null, null, "active", null, null))
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new ChangeProductCommand(PRODUCT, ORGANIZATION, null, null, null, null, "deleted", null, null))
                .expectException(violation(ErrorCode.UNKNOWN_PRODUCT_STATUS, "status")).expectNoEvents();
    }

    @Test
    void restockingAddsAndAdjustingSetsButNeverBelowTheReserved() {
        fixture.given(CREATED, FIVE_ON_HAND)
                .when(new RestockProductCommand(PRODUCT, ORGANIZATION, 3))
                .expectEvents(new StockRestockedEvent(PRODUCT, ORGANIZATION, 3, 8));
        fixture.given(CREATED, FIVE_ON_HAND)
                .when(new RestockProductCommand(PRODUCT, ORGANIZATION, 0))
                .expectException(violation(ErrorCode.INVALID_QUANTITY, "quantity")).expectNoEvents();
        fixture.given(CREATED, FIVE_ON_HAND, new StockReservedEvent(PRODUCT, ORGANIZATION, ORDER, 4))
                .when(new AdjustInventoryCommand(PRODUCT, ORGANIZATION, 3, "stocktake"))
                .expectException(violation(ErrorCode.INVALID_QUANTITY, "onHand")).expectNoEvents();
        fixture.given(CREATED, FIVE_ON_HAND)
                .when(new AdjustInventoryCommand(PRODUCT, ORGANIZATION, 2, "breakage"))
                .expectEvents(new StockAdjustedEvent(PRODUCT, ORGANIZATION, 2, 5, "breakage"));
    }

    @Test
    void stockIsReservedOnlyWhileAvailableAndOncePerOrder() {
        fixture.given(CREATED, FIVE_ON_HAND)
                .when(new ReserveStockCommand(PRODUCT, ORGANIZATION, ORDER, 5))
                .expectEvents(new StockReservedEvent(PRODUCT, ORGANIZATION, ORDER, 5));
        fixture.given(CREATED, FIVE_ON_HAND, new StockReservedEvent(PRODUCT, ORGANIZATION, ORDER, 4))
                .when(new ReserveStockCommand(PRODUCT, ORGANIZATION, OTHER_ORDER, 2))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK, "quantity")).expectNoEvents();
        fixture.given(CREATED, FIVE_ON_HAND, new StockReservedEvent(PRODUCT, ORGANIZATION, ORDER, 4))
                .when(new ReserveStockCommand(PRODUCT, ORGANIZATION, ORDER, 4))
                .expectNoEvents();
        fixture.given(CREATED, FIVE_ON_HAND, new ProductChangedEvent(PRODUCT, ORGANIZATION, "Mug", null, PRICE,
                        "archived", List.of()))
                .when(new ReserveStockCommand(PRODUCT, ORGANIZATION, ORDER, 1))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK, "quantity")).expectNoEvents();
    }

    @Test
    void aReservationIsReleasedOrConsumedOnce() {
        StockReservedEvent reserved = new StockReservedEvent(PRODUCT, ORGANIZATION, ORDER, 2);
        fixture.given(CREATED, FIVE_ON_HAND, reserved)
                .when(new ReleaseStockCommand(PRODUCT, ORGANIZATION, ORDER))
                .expectEvents(new StockReleasedEvent(PRODUCT, ORGANIZATION, ORDER, 2));
        fixture.given(CREATED, FIVE_ON_HAND, reserved)
                .when(new ConsumeStockCommand(PRODUCT, ORGANIZATION, ORDER, 2))
                .expectEvents(new StockConsumedEvent(PRODUCT, ORGANIZATION, ORDER, 2));
        fixture.given(CREATED, FIVE_ON_HAND, reserved, new StockConsumedEvent(PRODUCT, ORGANIZATION, ORDER, 2))
                .when(new ReleaseStockCommand(PRODUCT, ORGANIZATION, ORDER))
                .expectNoEvents();
        fixture.given(CREATED, FIVE_ON_HAND, reserved, new StockConsumedEvent(PRODUCT, ORGANIZATION, ORDER, 2))
                .when(new ReserveStockCommand(PRODUCT, ORGANIZATION, OTHER_ORDER, 3))
                .expectEvents(new StockReservedEvent(PRODUCT, ORGANIZATION, OTHER_ORDER, 3));
    }

    @Test
    void aPartlyShippedReservationKeepsTheRestReserved() {
        StockReservedEvent reserved = new StockReservedEvent(PRODUCT, ORGANIZATION, ORDER, 3);
        StockConsumedEvent oneShipped = new StockConsumedEvent(PRODUCT, ORGANIZATION, ORDER, 1);
        fixture.given(CREATED, FIVE_ON_HAND, reserved)
                .when(new ConsumeStockCommand(PRODUCT, ORGANIZATION, ORDER, 1))
                .expectEvents(oneShipped);
        fixture.given(CREATED, FIVE_ON_HAND, reserved, oneShipped)
                .when(new ConsumeStockCommand(PRODUCT, ORGANIZATION, ORDER, 5))
                .expectEvents(new StockConsumedEvent(PRODUCT, ORGANIZATION, ORDER, 2));
        fixture.given(CREATED, FIVE_ON_HAND, reserved, oneShipped)
                .when(new ReleaseStockCommand(PRODUCT, ORGANIZATION, ORDER))
                .expectEvents(new StockReleasedEvent(PRODUCT, ORGANIZATION, ORDER, 2));
        // 5 on hand, 1 shipped, 2 still reserved: 2 are available to others
        fixture.given(CREATED, FIVE_ON_HAND, reserved, oneShipped)
                .when(new ReserveStockCommand(PRODUCT, ORGANIZATION, OTHER_ORDER, 3))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK, "quantity")).expectNoEvents();
    }

    @Test
    void anotherOrganizationsProductIsNotFound() {
        fixture.given(CREATED)
                .when(new RestockProductCommand(PRODUCT, OTHER_ORGANIZATION, 1))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
    }

    private static Matcher<Throwable> violation(ErrorCode code, String field) {
        return Matchers.predicate(thrown -> thrown instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }
}
