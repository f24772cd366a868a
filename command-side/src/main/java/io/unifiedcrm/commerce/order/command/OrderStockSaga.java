package io.unifiedcrm.commerce.order.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stock of one order, from checkout to completion: reserves every product when the order is to be placed, then
 * confirms the order — or, when a product cannot be reserved, releases what it had reserved (compensation) and
 * rejects the order with {@code out_of_stock}. Shipping consumes the reserved units; cancelling releases them.
 *
 * <p>Runs in a subscribing processor ({@link OrderStockConfiguration}), so its commands are part of the placing
 * command's transaction: the order and its reservations are stored together, the HTTP answer knows the outcome, and
 * a failure of the saga fails the command instead of leaving stock reserved for an order nobody placed.
 */
@Saga
@ProcessingGroup(OrderStockSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderStockSaga {

    static final String PROCESSING_GROUP = "order-stock";

    private UUID orderId;
    private UUID organizationId;
    /** Products with units reserved for the order, in the order they were reserved. */
    private List<UUID> reserved = new ArrayList<>();

    @Autowired
    @JsonIgnore
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPlacementRequestedEvent event) {
        this.orderId = event.orderId();
        this.organizationId = event.organizationId();
        for (OrderedQuantity wanted : event.quantities()) {
            try {
                commands.sendAndWait(new ReserveStockCommand(wanted.productId(), organizationId, orderId,
                        wanted.quantity()));
                reserved.add(wanted.productId());
            } catch (CommandExecutionException failure) {
                DomainErrorDetails refusal = refusalIn(failure);
                releaseReserved();
                commands.sendAndWait(new RejectOrderCommand(orderId, organizationId, Order.OUT_OF_STOCK,
                        wanted.productId(), refusal.message()));
                SagaLifecycle.end();
                return;
            }
        }
        commands.sendAndWait(new ConfirmOrderPlacementCommand(orderId, organizationId));
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderLinesFulfilledEvent event) {
        Map<UUID, Long> perProduct = new TreeMap<>();
        for (FulfilledLine line : event.lines()) {
            perProduct.merge(line.productId(), line.quantity(), Long::sum);
        }
        perProduct.forEach((productId, quantity) ->
                commands.sendAndWait(new ConsumeStockCommand(productId, organizationId, orderId, quantity)));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelledEvent event) {
        releaseReserved();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCompletedEvent event) {
        // everything was shipped, so nothing is reserved any more
    }

    /** The product's refusal (e.g. insufficient_stock), as it crossed the command bus; anything else fails. */
    private static DomainErrorDetails refusalIn(CommandExecutionException failure) {
        return failure.getDetails().filter(DomainErrorDetails.class::isInstance).map(DomainErrorDetails.class::cast)
                .orElseThrow(() -> failure);
    }

    private void releaseReserved() {
        for (UUID productId : reserved) {
            commands.sendAndWait(new ReleaseStockCommand(productId, organizationId, orderId));
        }
        reserved = new ArrayList<>();
    }
}
