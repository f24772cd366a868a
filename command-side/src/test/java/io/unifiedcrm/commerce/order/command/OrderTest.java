package io.unifiedcrm.commerce.order.command;

import io.unifiedcrm.commerce.order.api.AddOrderItemCommand;
import io.unifiedcrm.commerce.order.api.CancelOrderCommand;
import io.unifiedcrm.commerce.order.api.CompleteOrderCommand;
import io.unifiedcrm.commerce.order.api.ConfirmOrderPlacementCommand;
import io.unifiedcrm.commerce.order.api.CreateOrderCommand;
import io.unifiedcrm.commerce.order.api.FulfilOrderCommand;
import io.unifiedcrm.commerce.order.api.FulfilledLine;
import io.unifiedcrm.commerce.order.api.FulfilmentItem;
import io.unifiedcrm.commerce.order.api.OrderCancelledEvent;
import io.unifiedcrm.commerce.order.api.OrderCompletedEvent;
import io.unifiedcrm.commerce.order.api.OrderCreatedEvent;
import io.unifiedcrm.commerce.order.api.OrderItem;
import io.unifiedcrm.commerce.order.api.OrderLineAddedEvent;
import io.unifiedcrm.commerce.order.api.OrderLineRemovedEvent;
import io.unifiedcrm.commerce.order.api.OrderLinesFulfilledEvent;
import io.unifiedcrm.commerce.order.api.OrderPaymentRecordedEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacedEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacementRequestedEvent;
import io.unifiedcrm.commerce.order.api.OrderRefundRecordedEvent;
import io.unifiedcrm.commerce.order.api.OrderRejectedEvent;
import io.unifiedcrm.commerce.order.api.OrderTotals;
import io.unifiedcrm.commerce.order.api.OrderedQuantity;
import io.unifiedcrm.commerce.order.api.PlaceOrderCommand;
import io.unifiedcrm.commerce.order.api.RecordPaymentCommand;
import io.unifiedcrm.commerce.order.api.RecordRefundCommand;
import io.unifiedcrm.commerce.order.api.RejectOrderCommand;
import io.unifiedcrm.commerce.order.api.RemoveOrderItemCommand;
import io.unifiedcrm.commerce.product.command.ProductCatalog;
import io.unifiedcrm.commerce.product.command.ProductOffer;
import io.unifiedcrm.identity.organization.command.OrganizationCurrencies;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import io.unifiedcrm.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every transition of an order and every way a command is refused. */
class OrderTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-000000000301");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OTHER_ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-000000000401");
    private static final UUID MUG = UUID.fromString("00000000-0000-0000-0000-000000000102");
    private static final UUID PLATE = UUID.fromString("00000000-0000-0000-0000-000000000101");
    private static final UUID ARCHIVED = UUID.fromString("00000000-0000-0000-0000-000000000103");
    private static final UUID LINE = UUID.fromString("00000000-0000-0000-0000-000000000501");
    private static final UUID SECOND_LINE = UUID.fromString("00000000-0000-0000-0000-000000000502");
    private static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-000000000601");
    private static final UUID REFUND = UUID.fromString("00000000-0000-0000-0000-000000000701");
    private static final UUID FULFILMENT = UUID.fromString("00000000-0000-0000-0000-000000000801");
    private static final Map<UUID, ProductOffer> CATALOG = Map.of(
            MUG, new ProductOffer(MUG, "MUG-1", "Mug", eur("12.50"), true),
            PLATE, new ProductOffer(PLATE, "PLATE-1", "Plate", eur("8.00"), true),
            ARCHIVED, new ProductOffer(ARCHIVED, "OLD-1", "Old", eur("1.00"), false));

    // 2 mugs at 12.50 less 5.00, 19 % tax: 20.00 + 3.80 = 23.80; shipping 4.90; total 28.70
    private static final OrderTotals EMPTY = totals("0", "0", "0", "4.90", "4.90");
    private static final OrderTotals TWO_MUGS = totals("25.00", "5.00", "3.80", "4.90", "28.70");
    private static final OrderCreatedEvent CREATED = new OrderCreatedEvent(ORDER, ORGANIZATION, PERSON, "C000001",
            "EUR", "standard", eur("4.90"), EMPTY);
    private static final OrderLineAddedEvent MUGS_ADDED = new OrderLineAddedEvent(ORDER, ORGANIZATION, LINE, MUG,
            "MUG-1", "Mug", 2, eur("12.50"), eur("5.00"), new BigDecimal("19.0000"), eur("3.80"), eur("23.80"),
            TWO_MUGS);
    private static final OrderPlacementRequestedEvent REQUESTED = new OrderPlacementRequestedEvent(ORDER,
            ORGANIZATION, PERSON, List.of(new OrderedQuantity(MUG, 2)));
    private static final OrderPlacedEvent PLACED = new OrderPlacedEvent(ORDER, ORGANIZATION, PERSON, "standard",
            TWO_MUGS, "pending");
    private static final OrderPaymentRecordedEvent PAID_IN_FULL = new OrderPaymentRecordedEvent(ORDER, ORGANIZATION,
            PERSON, PAYMENT, eur("28.70"), "card", "pi_1", eur("28.70"), "paid");
    private static final OrderLinesFulfilledEvent SHIPPED = new OrderLinesFulfilledEvent(ORDER, ORGANIZATION, PERSON,
            FULFILMENT, List.of(new FulfilledLine(LINE, MUG, 2)), "fulfilled");

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(new OrganizationCurrencies(null) {
            @Override
            public String baseCurrencyOf(UUID organizationId) {
                return "EUR";
            }
        });
        fixture.registerInjectableResource(new OrderCustomers(null) {
            @Override
            String customerNumberOf(UUID organizationId, UUID personId) {
                if (!personId.equals(PERSON)) {
                    throw new DomainRuleViolation(ErrorCode.UNKNOWN_PERSON, "personId", "unknown");
                }
                return "C000001";
            }
        });
        fixture.registerInjectableResource(new ProductCatalog(null) {
            @Override
            public ProductOffer offer(UUID organizationId, UUID productId) {
                ProductOffer offer = CATALOG.get(productId);
                if (offer == null || !organizationId.equals(ORGANIZATION)) {
                    throw new DomainRuleViolation(ErrorCode.UNKNOWN_PRODUCT, "productId", "unknown");
                }
                return offer;
            }
        });
    }

    @Test
    void aCartIsOpenedWithItsLinesPricedAndTotalled() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrderCommand(ORDER, ORGANIZATION, PERSON, "EUR", " standard ", new BigDecimal("4.9"),
                        null, List.of(twoMugs())))
                .expectEvents(CREATED, MUGS_ADDED);
    }

    @Test
    void taxIsRoundedHalfEvenToCentsPerLine() {
        // a plate at 8.00 less 1.00 = 7.00; 7.5 % of it = 0.525 -> 0.52 (half-even; half-up would give 0.53)
        fixture.given(CREATED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, new OrderItem(SECOND_LINE, PLATE, 1,
                        BigDecimal.ONE, null, new BigDecimal("7.5")), null))
                .expectEvents(new OrderLineAddedEvent(ORDER, ORGANIZATION, SECOND_LINE, PLATE, "PLATE-1", "Plate", 1,
                        eur("8.00"), eur("1.00"), new BigDecimal("7.5000"), eur("0.52"), eur("7.52"),
                        totals("8.00", "1.00", "0.52", "4.90", "12.42")));
    }

    @Test
    void aCartInAnotherCurrencyThanTheOrganizationsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrderCommand(ORDER, ORGANIZATION, PERSON, "USD", null, null, null, null))
                .expectException(violation(ErrorCode.CURRENCY_MISMATCH, "currency")).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateOrderCommand(ORDER, ORGANIZATION, PERSON, null, null, BigDecimal.ONE, "USD", null))
                .expectException(violation(ErrorCode.CURRENCY_MISMATCH, "shipping.currency")).expectNoEvents();
    }

    @Test
    void aCartForAnUnknownPersonIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrderCommand(ORDER, ORGANIZATION, UUID.randomUUID(), null, null, null, null, null))
                .expectException(violation(ErrorCode.UNKNOWN_PERSON, "personId")).expectNoEvents();
    }

    @Test
    void anUnknownOrArchivedProductCannotBeAdded() {
        fixture.given(CREATED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, new OrderItem(LINE, UUID.randomUUID(), 1, null,
                        null, null), null))
                .expectException(violation(ErrorCode.UNKNOWN_PRODUCT, "productId")).expectNoEvents();
        fixture.given(CREATED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, new OrderItem(LINE, ARCHIVED, 1, null, null,
                        null), null))
                .expectException(violation(ErrorCode.PRODUCT_ARCHIVED, "productId")).expectNoEvents();
    }

    @Test
    void badQuantitiesTaxRatesAndDiscountsAreRefused() {
        fixture.given(CREATED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, new OrderItem(LINE, MUG, 0, null, null, null),
                        null))
                .expectException(violation(ErrorCode.INVALID_QUANTITY, "quantity")).expectNoEvents();
        fixture.given(CREATED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, new OrderItem(LINE, MUG, 1, null, null,
                        new BigDecimal("100.5")), null))
                .expectException(violation(ErrorCode.INVALID_TAX_RATE, "taxRate")).expectNoEvents();
        fixture.given(CREATED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, new OrderItem(LINE, MUG, 1,
                        new BigDecimal("12.51"), null, null), null))
                .expectException(violation(ErrorCode.INVALID_DISCOUNT, "discount")).expectNoEvents();
        fixture.given(CREATED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, new OrderItem(LINE, MUG, 1, BigDecimal.ONE,
                        "GBP", null), null))
                .expectException(violation(ErrorCode.CURRENCY_MISMATCH, "discount.currency")).expectNoEvents();
    }

    @Test
    void aLineAddedAgainWithTheSameIdAddsNothing() {
        fixture.given(CREATED, MUGS_ADDED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, twoMugs(), null))
                .expectNoEvents();
    }

    @Test
    void aLineIsTakenOutOfTheCart() {
        fixture.given(CREATED, MUGS_ADDED)
                .when(new RemoveOrderItemCommand(ORDER, ORGANIZATION, LINE, null))
                .expectEvents(new OrderLineRemovedEvent(ORDER, ORGANIZATION, LINE, EMPTY));
        fixture.given(CREATED)
                .when(new RemoveOrderItemCommand(ORDER, ORGANIZATION, LINE, null))
                .expectException(violation(ErrorCode.UNKNOWN_ORDER_LINE, "lineId")).expectNoEvents();
    }

    @Test
    void placingAsksForTheStockOfEachProductOnceInProductIdOrder() {
        OrderLineAddedEvent plates = new OrderLineAddedEvent(ORDER, ORGANIZATION, SECOND_LINE, PLATE, "PLATE-1",
                "Plate", 1, eur("8.00"), eur("0"), new BigDecimal("0.0000"), eur("0"), eur("8.00"),
                totals("33.00", "5.00", "3.80", "4.90", "36.70"));
        OrderLineAddedEvent moreMugs = new OrderLineAddedEvent(ORDER, ORGANIZATION, UUID.randomUUID(), MUG, "MUG-1",
                "Mug", 3, eur("12.50"), eur("0"), new BigDecimal("0.0000"), eur("0"), eur("37.50"),
                totals("70.50", "5.00", "3.80", "4.90", "74.20"));
        fixture.given(CREATED, MUGS_ADDED, plates, moreMugs)
                .when(new PlaceOrderCommand(ORDER, ORGANIZATION, null))
                .expectEvents(new OrderPlacementRequestedEvent(ORDER, ORGANIZATION, PERSON,
                        List.of(new OrderedQuantity(PLATE, 1), new OrderedQuantity(MUG, 5))));
    }

    @Test
    void anEmptyCartCannotBePlaced() {
        fixture.given(CREATED)
                .when(new PlaceOrderCommand(ORDER, ORGANIZATION, null))
                .expectException(violation(ErrorCode.ORDER_EMPTY, null)).expectNoEvents();
    }

    @Test
    void theStockSagaConfirmsOrRejectsTheRequestedPlacement() {
        fixture.given(CREATED, MUGS_ADDED, REQUESTED)
                .when(new ConfirmOrderPlacementCommand(ORDER, ORGANIZATION))
                .expectEvents(PLACED);
        fixture.given(CREATED, MUGS_ADDED, REQUESTED)
                .when(new RejectOrderCommand(ORDER, ORGANIZATION, "out_of_stock", MUG, "Only 1 units are available."))
                .expectEvents(new OrderRejectedEvent(ORDER, ORGANIZATION, PERSON, "out_of_stock", MUG,
                        "Only 1 units are available."));
        fixture.given(CREATED, MUGS_ADDED)
                .when(new ConfirmOrderPlacementCommand(ORDER, ORGANIZATION))
                .expectException(IllegalStateException.class).expectNoEvents();
    }

    @Test
    void aPlacedOrRequestedOrderIsNoLongerACart() {
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new PlaceOrderCommand(ORDER, ORGANIZATION, null))
                .expectException(violation(ErrorCode.ORDER_NOT_IN_CART, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, new OrderItem(SECOND_LINE, PLATE, 1, null, null,
                        null), null))
                .expectException(violation(ErrorCode.ORDER_NOT_IN_CART, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED)
                .when(new RemoveOrderItemCommand(ORDER, ORGANIZATION, LINE, null))
                .expectException(violation(ErrorCode.ORDER_NOT_IN_CART, null)).expectNoEvents();
    }

    @Test
    void aRejectedOrderTakesNoFurtherStep() {
        OrderRejectedEvent rejected = new OrderRejectedEvent(ORDER, ORGANIZATION, PERSON, "out_of_stock", MUG, "x");
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, rejected)
                .when(new PlaceOrderCommand(ORDER, ORGANIZATION, null))
                .expectException(violation(ErrorCode.ORDER_CLOSED, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, rejected)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, PAYMENT, BigDecimal.ONE, null, "card", null, null))
                .expectException(violation(ErrorCode.ORDER_CLOSED, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, rejected)
                .when(new CancelOrderCommand(ORDER, ORGANIZATION, null, null))
                .expectException(violation(ErrorCode.ORDER_CLOSED, null)).expectNoEvents();
    }

    @Test
    void paymentsInTwoPartsMakeTheOrderPaid() {
        OrderPaymentRecordedEvent first = new OrderPaymentRecordedEvent(ORDER, ORGANIZATION, PERSON, PAYMENT,
                eur("20.00"), "card", "pi_1", eur("20.00"), "partially_paid");
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, PAYMENT, new BigDecimal("20"), "EUR", " Card ",
                        "pi_1", null))
                .expectEvents(first);
        UUID second = UUID.randomUUID();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, first)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, second, new BigDecimal("8.70"), null,
                        "gift_card", null, null))
                .expectEvents(new OrderPaymentRecordedEvent(ORDER, ORGANIZATION, PERSON, second, eur("8.70"),
                        "gift_card", null, eur("28.70"), "paid"));
    }

    @Test
    void aProviderReferenceReusedForAnotherAmountIsRefused() {
        OrderPaymentRecordedEvent first = new OrderPaymentRecordedEvent(ORDER, ORGANIZATION, PERSON, PAYMENT,
                eur("20.00"), "card", "pi_1", eur("20.00"), "partially_paid");
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, first)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, UUID.randomUUID(), new BigDecimal("8.70"), null,
                        "card", "pi_1", null))
                .expectException(violation(ErrorCode.PAYMENT_REFERENCE_REUSED, "providerReference"))
                .expectNoEvents();
    }

    @Test
    void aPaymentReportedAgainAfterCompletionIsStillRecordedOnce() {
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL, SHIPPED,
                        new OrderCompletedEvent(ORDER, ORGANIZATION, PERSON))
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, UUID.randomUUID(), new BigDecimal("28.70"), null,
                        "card", "pi_1", null))
                .expectNoEvents();
    }

    @Test
    void aRefundBeforeFullPaymentReopensTheBalance() {
        OrderPaymentRecordedEvent half = new OrderPaymentRecordedEvent(ORDER, ORGANIZATION, PERSON, PAYMENT,
                eur("20.00"), "card", null, eur("20.00"), "partially_paid");
        OrderRefundRecordedEvent back = new OrderRefundRecordedEvent(ORDER, ORGANIZATION, PERSON, REFUND, eur("20.00"),
                null, eur("20.00"), "refunded");
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, half)
                .when(new RecordRefundCommand(ORDER, ORGANIZATION, REFUND, new BigDecimal("20"), null, null, null))
                .expectEvents(back);
        UUID again = UUID.randomUUID();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, half, back)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, again, new BigDecimal("28.70"), null, "card",
                        null, null))
                .expectEvents(new OrderPaymentRecordedEvent(ORDER, ORGANIZATION, PERSON, again, eur("28.70"), "card",
                        null, eur("48.70"), "paid"));
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, half, back, SHIPPED)
                .when(new CompleteOrderCommand(ORDER, ORGANIZATION, null))
                .expectException(violation(ErrorCode.ORDER_NOT_PAID, null)).expectNoEvents();
    }

    @Test
    void anOrderWithNothingToPayIsPaidWhenPlaced() {
        OrderLineAddedEvent free = new OrderLineAddedEvent(ORDER, ORGANIZATION, LINE, MUG, "MUG-1", "Mug", 1,
                eur("12.50"), eur("12.50"), new BigDecimal("0.0000"), eur("0"), eur("0"),
                totals("12.50", "12.50", "0", "0", "0"));
        OrderCreatedEvent noShipping = new OrderCreatedEvent(ORDER, ORGANIZATION, PERSON, "C000001", "EUR", null,
                eur("0"), totals("0", "0", "0", "0", "0"));
        fixture.given(noShipping, free, new OrderPlacementRequestedEvent(ORDER, ORGANIZATION, PERSON,
                        List.of(new OrderedQuantity(MUG, 1))))
                .when(new ConfirmOrderPlacementCommand(ORDER, ORGANIZATION))
                .expectEvents(new OrderPlacedEvent(ORDER, ORGANIZATION, PERSON, null,
                        totals("12.50", "12.50", "0", "0", "0"), "paid"));
    }

    @Test
    void aCartRefusesRepeatedLineIdsAndMoreThanABillionUnitsOfAProduct() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrderCommand(ORDER, ORGANIZATION, PERSON, null, null, null, null, List.of(twoMugs(),
                        new OrderItem(LINE, PLATE, 1, null, null, null))))
                .expectException(violation(ErrorCode.DUPLICATE_ORDER_LINE, "items")).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED)
                .when(new AddOrderItemCommand(ORDER, ORGANIZATION, new OrderItem(SECOND_LINE, MUG, 999_999_999, null,
                        null, null), null))
                .expectException(violation(ErrorCode.INVALID_QUANTITY, "quantity")).expectNoEvents();
    }

    @Test
    void theCurrencyIsReadInAnyCaseAndAnUnknownOneIsNamedSo() {
        fixture.givenNoPriorActivity()
                .when(new CreateOrderCommand(ORDER, ORGANIZATION, PERSON, "eur", "standard", new BigDecimal("4.90"),
                        null, null))
                .expectEvents(CREATED);
        fixture.givenNoPriorActivity()
                .when(new CreateOrderCommand(ORDER, ORGANIZATION, PERSON, "EURO", null, null, null, null))
                .expectException(violation(ErrorCode.UNKNOWN_CURRENCY, "currency")).expectNoEvents();
    }

    @Test
    void aPaymentReportedAgainWithItsProviderReferenceIsRecordedOnce() {
        OrderPaymentRecordedEvent first = new OrderPaymentRecordedEvent(ORDER, ORGANIZATION, PERSON, PAYMENT,
                eur("20.00"), "card", "pi_1", eur("20.00"), "partially_paid");
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, first)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, UUID.randomUUID(), new BigDecimal("20"), null,
                        "card", "pi_1", null))
                .expectNoEvents();
    }

    @Test
    void badPaymentsAreRefused() {
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, PAYMENT, new BigDecimal("28.71"), null, "card",
                        null, null))
                .expectException(violation(ErrorCode.AMOUNT_EXCEEDS_BALANCE, "amount")).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, PAYMENT, BigDecimal.ZERO, null, "card", null,
                        null))
                .expectException(violation(ErrorCode.INVALID_MONEY, "amount")).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, PAYMENT, BigDecimal.ONE, "USD", "card", null,
                        null))
                .expectException(violation(ErrorCode.CURRENCY_MISMATCH, "amount.currency")).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, PAYMENT, BigDecimal.ONE, null, "credit card!",
                        null, null))
                .expectException(violation(ErrorCode.INVALID_PAYMENT_METHOD, "method")).expectNoEvents();
    }

    @Test
    void aCartCannotBePaidFulfilledOrCompleted() {
        fixture.given(CREATED, MUGS_ADDED)
                .when(new RecordPaymentCommand(ORDER, ORGANIZATION, PAYMENT, BigDecimal.ONE, null, "card", null, null))
                .expectException(violation(ErrorCode.ORDER_NOT_PLACED, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED)
                .when(new FulfilOrderCommand(ORDER, ORGANIZATION, FULFILMENT, List.of(), null))
                .expectException(violation(ErrorCode.ORDER_NOT_PLACED, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED)
                .when(new CompleteOrderCommand(ORDER, ORGANIZATION, null))
                .expectException(violation(ErrorCode.ORDER_NOT_PLACED, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED)
                .when(new RecordRefundCommand(ORDER, ORGANIZATION, REFUND, BigDecimal.ONE, null, null, null))
                .expectException(violation(ErrorCode.ORDER_NOT_PLACED, null)).expectNoEvents();
    }

    @Test
    void refundsArePartialOrFullAndNeverMoreThanWasPaid() {
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL)
                .when(new RecordRefundCommand(ORDER, ORGANIZATION, REFUND, new BigDecimal("5"), "EUR", " damaged ",
                        null))
                .expectEvents(new OrderRefundRecordedEvent(ORDER, ORGANIZATION, PERSON, REFUND, eur("5.00"),
                        "damaged", eur("5.00"), "partially_refunded"));
        OrderRefundRecordedEvent five = new OrderRefundRecordedEvent(ORDER, ORGANIZATION, PERSON, REFUND, eur("5.00"),
                null, eur("5.00"), "partially_refunded");
        UUID rest = UUID.randomUUID();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL, five)
                .when(new RecordRefundCommand(ORDER, ORGANIZATION, rest, new BigDecimal("23.70"), null, null, null))
                .expectEvents(new OrderRefundRecordedEvent(ORDER, ORGANIZATION, PERSON, rest, eur("23.70"), null,
                        eur("28.70"), "refunded"));
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL, five)
                .when(new RecordRefundCommand(ORDER, ORGANIZATION, rest, new BigDecimal("23.71"), null, null, null))
                .expectException(violation(ErrorCode.REFUND_EXCEEDS_PAYMENTS, "amount")).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new RecordRefundCommand(ORDER, ORGANIZATION, REFUND, BigDecimal.ONE, null, null, null))
                .expectException(violation(ErrorCode.NOTHING_PAID, null)).expectNoEvents();
    }

    @Test
    void aCancelledOrCompletedOrderCanStillBeRefunded() {
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL,
                        new OrderCancelledEvent(ORDER, ORGANIZATION, PERSON, null, true))
                .when(new RecordRefundCommand(ORDER, ORGANIZATION, REFUND, new BigDecimal("28.70"), null, null, null))
                .expectEvents(new OrderRefundRecordedEvent(ORDER, ORGANIZATION, PERSON, REFUND, eur("28.70"), null,
                        eur("28.70"), "refunded"));
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL, SHIPPED,
                        new OrderCompletedEvent(ORDER, ORGANIZATION, PERSON))
                .when(new RecordRefundCommand(ORDER, ORGANIZATION, REFUND, BigDecimal.ONE, null, null, null))
                .expectEvents(new OrderRefundRecordedEvent(ORDER, ORGANIZATION, PERSON, REFUND, eur("1.00"), null,
                        eur("1.00"), "partially_refunded"));
    }

    @Test
    void linesAreShippedPartlyThenFully() {
        OrderLinesFulfilledEvent one = new OrderLinesFulfilledEvent(ORDER, ORGANIZATION, PERSON, FULFILMENT,
                List.of(new FulfilledLine(LINE, MUG, 1)), "partially_fulfilled");
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new FulfilOrderCommand(ORDER, ORGANIZATION, FULFILMENT, List.of(new FulfilmentItem(LINE, 1)),
                        null))
                .expectEvents(one);
        UUID rest = UUID.randomUUID();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, one)
                .when(new FulfilOrderCommand(ORDER, ORGANIZATION, rest, null, null))
                .expectEvents(new OrderLinesFulfilledEvent(ORDER, ORGANIZATION, PERSON, rest,
                        List.of(new FulfilledLine(LINE, MUG, 1)), "fulfilled"));
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, one)
                .when(new FulfilOrderCommand(ORDER, ORGANIZATION, rest, List.of(new FulfilmentItem(LINE, 2)), null))
                .expectException(violation(ErrorCode.FULFILMENT_EXCEEDS_ORDER, "lines")).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new FulfilOrderCommand(ORDER, ORGANIZATION, rest, List.of(new FulfilmentItem(SECOND_LINE, 1)),
                        null))
                .expectException(violation(ErrorCode.UNKNOWN_ORDER_LINE, "lines")).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, SHIPPED)
                .when(new FulfilOrderCommand(ORDER, ORGANIZATION, rest, null, null))
                .expectException(violation(ErrorCode.ORDER_FULFILLED, null)).expectNoEvents();
    }

    @Test
    void anOrderIsCompletedOnlyWhenPaidAndShippedInFull() {
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL, SHIPPED)
                .when(new CompleteOrderCommand(ORDER, ORGANIZATION, null))
                .expectEvents(new OrderCompletedEvent(ORDER, ORGANIZATION, PERSON));
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL)
                .when(new CompleteOrderCommand(ORDER, ORGANIZATION, null))
                .expectException(violation(ErrorCode.ORDER_NOT_FULFILLED, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, SHIPPED)
                .when(new CompleteOrderCommand(ORDER, ORGANIZATION, null))
                .expectException(violation(ErrorCode.ORDER_NOT_PAID, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL, SHIPPED,
                        new OrderCompletedEvent(ORDER, ORGANIZATION, PERSON))
                .when(new CompleteOrderCommand(ORDER, ORGANIZATION, null))
                .expectException(violation(ErrorCode.ORDER_CLOSED, null)).expectNoEvents();
    }

    @Test
    void aCartOrAnUnshippedOrderIsCancelled() {
        fixture.given(CREATED, MUGS_ADDED)
                .when(new CancelOrderCommand(ORDER, ORGANIZATION, " changed my mind ", null))
                .expectEvents(new OrderCancelledEvent(ORDER, ORGANIZATION, PERSON, "changed my mind", false));
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, PAID_IN_FULL)
                .when(new CancelOrderCommand(ORDER, ORGANIZATION, null, null))
                .expectEvents(new OrderCancelledEvent(ORDER, ORGANIZATION, PERSON, null, true));
    }

    @Test
    void aPartlyShippedOrderIsCancelledForTheRestOfItsUnits() {
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, new OrderLinesFulfilledEvent(ORDER, ORGANIZATION,
                        PERSON, FULFILMENT, List.of(new FulfilledLine(LINE, MUG, 1)), "partially_fulfilled"))
                .when(new CancelOrderCommand(ORDER, ORGANIZATION, "the second mug broke", null))
                .expectEvents(new OrderCancelledEvent(ORDER, ORGANIZATION, PERSON, "the second mug broke", true));
    }

    @Test
    void aFullyShippedOrClosedOrderCannotBeCancelled() {
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED, SHIPPED)
                .when(new CancelOrderCommand(ORDER, ORGANIZATION, null, null))
                .expectException(violation(ErrorCode.ORDER_FULFILLED, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, new OrderCancelledEvent(ORDER, ORGANIZATION, PERSON, null, false))
                .when(new CancelOrderCommand(ORDER, ORGANIZATION, null, null))
                .expectException(violation(ErrorCode.ORDER_CLOSED, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, new OrderCancelledEvent(ORDER, ORGANIZATION, PERSON, null, false))
                .when(new PlaceOrderCommand(ORDER, ORGANIZATION, null))
                .expectException(violation(ErrorCode.ORDER_CLOSED, null)).expectNoEvents();
    }

    @Test
    void anotherOrganizationsOrderIsNotFound() {
        fixture.given(CREATED, MUGS_ADDED)
                .when(new PlaceOrderCommand(ORDER, OTHER_ORGANIZATION, null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
        fixture.given(CREATED, MUGS_ADDED, REQUESTED, PLACED)
                .when(new RecordPaymentCommand(ORDER, OTHER_ORGANIZATION, PAYMENT, BigDecimal.ONE, null, "card", null,
                        null))
                .expectException(violation(ErrorCode.NOT_FOUND, null)).expectNoEvents();
    }

    private static OrderItem twoMugs() {
        return new OrderItem(LINE, MUG, 2, new BigDecimal("5"), "EUR", new BigDecimal("19"));
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount).setScale(4), "EUR");
    }

    private static OrderTotals totals(String subtotal, String discounts, String tax, String shipping, String total) {
        return new OrderTotals(eur(subtotal), eur(discounts), eur(tax), eur(shipping), eur(total));
    }

    private static Matcher<Exception> violation(ErrorCode code, String field) {
        return Matchers.predicate(exception -> exception instanceof DomainRuleViolation violation
                && violation.errorCode() == code && Objects.equals(violation.field(), field));
    }
}
