package io.unifiedcrm.commerce.order.command;

import io.unifiedcrm.commerce.order.api.OrderPlacedEvent;
import io.unifiedcrm.commerce.order.api.OrderRejectedEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * What became of a checkout: the stock saga stored the order's placement or rejection in the placing command's
 * transaction, as the event that follows the placement request.
 */
@Component
class OrderPlacementOutcome {

    private final EventStore events;

    OrderPlacementOutcome(EventStore events) {
        this.events = events;
    }

    /**
     * @param requestVersion the order's version after its placement was requested
     * @return the order's version once placed; @throws DomainRuleViolation {@code out_of_stock} when rejected
     */
    long of(UUID orderId, long requestVersion) {
        DomainEventStream stream = events.readEvents(orderId.toString(), requestVersion + 1);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof OrderRejectedEvent rejected) {
                throw new DomainRuleViolation(ErrorCode.OUT_OF_STOCK, null,
                        "The order was rejected: " + rejected.detail(), rejected.productId().toString());
            }
            if (event.getPayload() instanceof OrderPlacedEvent) {
                return event.getSequenceNumber();
            }
        }
        throw new IllegalStateException("Order " + orderId + " has no placement outcome after version "
                + requestVersion);
    }
}
