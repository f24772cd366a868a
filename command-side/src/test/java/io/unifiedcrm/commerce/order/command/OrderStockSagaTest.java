package io.unifiedcrm.commerce.order.command;

import io.unifiedcrm.commerce.order.api.ConfirmOrderPlacementCommand;
import io.unifiedcrm.commerce.order.api.FulfilledLine;
import io.unifiedcrm.commerce.order.api.OrderCancelledEvent;
import io.unifiedcrm.commerce.order.api.OrderCompletedEvent;
import io.unifiedcrm.commerce.order.api.OrderLinesFulfilledEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacementRequestedEvent;
import io.unifiedcrm.commerce.order.api.OrderedQuantity;
import io.unifiedcrm.commerce.order.api.RejectOrderCommand;
import io.unifiedcrm.commerce.product.api.ConsumeStockCommand;
import io.unifiedcrm.commerce.product.api.ReleaseStockCommand;
import io.unifiedcrm.commerce.product.api.ReserveStockCommand;
import io.unifiedcrm.shared.DomainErrorDetails;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stock of an order: reservation, rejection with compensation, consumption on shipping, release on cancel. */
class OrderStockSagaTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-000000000301");
    private static final UUID ORGANIZATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-000000000401");
    private static final UUID PLATE = UUID.fromString("00000000-0000-0000-0000-000000000101");
    private static final UUID MUG = UUID.fromString("00000000-0000-0000-0000-000000000102");
    private static final UUID BOWL = UUID.fromString("00000000-0000-0000-0000-000000000103");
    private static final OrderPlacementRequestedEvent REQUESTED = new OrderPlacementRequestedEvent(ORDER,
            ORGANIZATION, PERSON, List.of(new OrderedQuantity(PLATE, 1), new OrderedQuantity(MUG, 2)));

    private SagaTestFixture<OrderStockSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderStockSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void placingReservesEveryProductAndThenConfirmsTheOrder() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER)
                .expectDispatchedCommands(
                        new ReserveStockCommand(PLATE, ORGANIZATION, ORDER, 1),
                        new ReserveStockCommand(MUG, ORGANIZATION, ORDER, 2),
                        new ConfirmOrderPlacementCommand(ORDER, ORGANIZATION));
    }

    @Test
    void aProductOutOfStockReleasesWhatWasReservedAndRejectsTheOrder() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReserveStockCommand reserve && reserve.productId().equals(BOWL)) {
                throw refusedByTheProduct("Only 1 units are available.");
            }
            return 1L;
        });
        fixture.givenNoPriorActivity()
                .whenPublishingA(new OrderPlacementRequestedEvent(ORDER, ORGANIZATION, PERSON, List.of(
                        new OrderedQuantity(PLATE, 1), new OrderedQuantity(MUG, 2), new OrderedQuantity(BOWL, 3))))
                .expectActiveSagas(0)
                .expectDispatchedCommands(
                        new ReserveStockCommand(PLATE, ORGANIZATION, ORDER, 1),
                        new ReserveStockCommand(MUG, ORGANIZATION, ORDER, 2),
                        new ReserveStockCommand(BOWL, ORGANIZATION, ORDER, 3),
                        new ReleaseStockCommand(PLATE, ORGANIZATION, ORDER),
                        new ReleaseStockCommand(MUG, ORGANIZATION, ORDER),
                        new RejectOrderCommand(ORDER, ORGANIZATION, "out_of_stock", BOWL,
                                "Only 1 units are available."));
    }

    @Test
    void aFailureThatIsNotTheProductsRefusalNeitherReleasesNorRejects() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReserveStockCommand reserve && reserve.productId().equals(MUG)) {
                throw new CommandExecutionException("database down", new IllegalStateException("database down"));
            }
            return 1L;
        });
        // the fixture logs the saga's exception; in the application the processor's propagating error handler
        // fails the placing command with it, so nothing of the placement is stored
        fixture.givenNoPriorActivity()
                .whenPublishingA(REQUESTED)
                .expectDispatchedCommands(
                        new ReserveStockCommand(PLATE, ORGANIZATION, ORDER, 1),
                        new ReserveStockCommand(MUG, ORGANIZATION, ORDER, 2));
    }

    @Test
    void shippingConsumesTheReservedUnitsOfEachProduct() {
        fixture.givenAPublished(REQUESTED)
                .whenPublishingA(new OrderLinesFulfilledEvent(ORDER, ORGANIZATION, PERSON, UUID.randomUUID(), List.of(
                        new FulfilledLine(UUID.randomUUID(), MUG, 1), new FulfilledLine(UUID.randomUUID(), PLATE, 1),
                        new FulfilledLine(UUID.randomUUID(), MUG, 1)), "fulfilled"))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new ConsumeStockCommand(PLATE, ORGANIZATION, ORDER, 1),
                        new ConsumeStockCommand(MUG, ORGANIZATION, ORDER, 2));
    }

    @Test
    void cancellingReleasesTheReservedStockAndEndsTheSaga() {
        fixture.givenAPublished(REQUESTED)
                .whenPublishingA(new OrderCancelledEvent(ORDER, ORGANIZATION, PERSON, "changed my mind", true))
                .expectActiveSagas(0)
                .expectDispatchedCommands(
                        new ReleaseStockCommand(PLATE, ORGANIZATION, ORDER),
                        new ReleaseStockCommand(MUG, ORGANIZATION, ORDER));
    }

    @Test
    void completionEndsTheSagaWithNothingLeftToRelease() {
        fixture.givenAPublished(REQUESTED)
                .whenPublishingA(new OrderCompletedEvent(ORDER, ORGANIZATION, PERSON))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    private static CommandExecutionException refusedByTheProduct(String message) {
        DomainRuleViolation refusal = new DomainRuleViolation(ErrorCode.INSUFFICIENT_STOCK, "quantity", message);
        return new CommandExecutionException(message, null, DomainErrorDetails.of(refusal), false);
    }
}
