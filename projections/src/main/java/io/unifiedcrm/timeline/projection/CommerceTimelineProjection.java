package io.unifiedcrm.timeline.projection;

import io.unifiedcrm.address.api.AddressAddedEvent;
import io.unifiedcrm.address.api.AddressChangedEvent;
import io.unifiedcrm.address.api.AddressMadeDefaultEvent;
import io.unifiedcrm.address.api.AddressOwnerType;
import io.unifiedcrm.address.api.AddressRemovedEvent;
import io.unifiedcrm.address.api.PostalAddress;
import io.unifiedcrm.commerce.order.api.FulfilledLine;
import io.unifiedcrm.commerce.order.api.OrderCancelledEvent;
import io.unifiedcrm.commerce.order.api.OrderCompletedEvent;
import io.unifiedcrm.commerce.order.api.OrderCreatedEvent;
import io.unifiedcrm.commerce.order.api.OrderLinesFulfilledEvent;
import io.unifiedcrm.commerce.order.api.OrderPaymentRecordedEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacedEvent;
import io.unifiedcrm.commerce.order.api.OrderRefundRecordedEvent;
import io.unifiedcrm.commerce.order.api.OrderRejectedEvent;
import io.unifiedcrm.commerce.order.api.OrderTotals;
import io.unifiedcrm.shared.Money;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

/**
 * Orders (every order event names its person) and the addresses of persons on the timeline. A cart's line changes
 * and the stock reservation in between are left out: the order's placement, rejection, payments, refunds,
 * shipments, completion and cancellation tell what happened to the person.
 */
@Component
@ProcessingGroup(TimelineProcessingGroup.NAME)
class CommerceTimelineProjection {

    private final Timeline timeline;

    CommerceTimelineProjection(Timeline timeline) {
        this.timeline = timeline;
    }

    @EventHandler
    void on(OrderCreatedEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "order.created",
                event.orderId(), "Order opened (cart in " + event.currency() + ")",
                Details.of("customerNumber", event.customerNumber()).and("currency", event.currency())
                        .and("shippingMethod", event.shippingMethod()).and("shipping", event.shipping())
                        .and("total", total(event.totals())));
    }

    @EventHandler
    void on(OrderPlacedEvent event, TrackedEventMessage<?> message) {
        Money total = total(event.totals());
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "order.placed",
                event.orderId(), "Order placed" + (total == null ? "" : ": " + Timeline.money(total)),
                Details.of("total", total).and("paymentStatus", event.paymentStatus())
                        .and("shippingMethod", event.shippingMethod()));
    }

    @EventHandler
    void on(OrderRejectedEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "order.rejected",
                event.orderId(), "Order rejected: " + event.reason(),
                Details.of("reason", event.reason()).and("productId", event.productId())
                        .and("detail", event.detail()));
    }

    @EventHandler
    void on(OrderPaymentRecordedEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "order.payment_recorded",
                event.orderId(), "Payment of " + Timeline.money(event.amount()) + " received (" + event.method()
                        + ")",
                Details.of("paymentId", event.paymentId()).and("amount", event.amount())
                        .and("method", event.method()).and("providerReference", event.providerReference())
                        .and("paidTotal", event.paidTotal()).and("paymentStatus", event.paymentStatus()));
    }

    @EventHandler
    void on(OrderRefundRecordedEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "order.refund_recorded",
                event.orderId(), "Refund of " + Timeline.money(event.amount())
                        + (event.reason() == null ? "" : ": " + event.reason()),
                Details.of("refundId", event.refundId()).and("amount", event.amount())
                        .and("reason", event.reason()).and("refundedTotal", event.refundedTotal())
                        .and("paymentStatus", event.paymentStatus()));
    }

    @EventHandler
    void on(OrderLinesFulfilledEvent event, TrackedEventMessage<?> message) {
        List<FulfilledLine> lines = event.lines() == null ? List.of() : event.lines();
        long units = lines.stream().mapToLong(FulfilledLine::quantity).sum();
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "order.fulfilled",
                event.orderId(), units + (units == 1 ? " unit" : " units") + " shipped"
                        + (event.fulfillmentStatus() == null ? ""
                        : " (order " + event.fulfillmentStatus().replace('_', ' ') + ")"),
                Details.of("fulfillmentId", event.fulfillmentId()).and("units", units)
                        .and("fulfillmentStatus", event.fulfillmentStatus())
                        .and("lines", lines.stream().map(line -> Map.of("lineId", line.lineId().toString(),
                                "productId", line.productId().toString(), "quantity", line.quantity())).toList()));
    }

    @EventHandler
    void on(OrderCompletedEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "order.completed",
                event.orderId(), "Order completed", Details.none());
    }

    @EventHandler
    void on(OrderCancelledEvent event, TrackedEventMessage<?> message) {
        timeline.add(Occurrence.of(message), event.organizationId(), event.personId(), "order.cancelled",
                event.orderId(), "Order cancelled" + (event.reason() == null ? "" : ": " + event.reason()),
                Details.of("reason", event.reason()).and("wasPlaced", event.wasPlaced()));
    }

    @EventHandler
    void on(AddressAddedEvent event, TrackedEventMessage<?> message) {
        if (ofPerson(event.entityType())) {
            timeline.add(Occurrence.of(message), event.organizationId(), event.entityId(), "address.added",
                    event.addressId(), capitalized(event.type()) + " address added: " + oneLine(event.address()),
                    address(event.type(), event.address()));
        }
    }

    @EventHandler
    void on(AddressChangedEvent event, TrackedEventMessage<?> message) {
        if (ofPerson(event.entityType())) {
            timeline.add(Occurrence.of(message), event.organizationId(), event.entityId(), "address.changed",
                    event.addressId(), capitalized(event.type()) + " address changed: " + oneLine(event.address()),
                    address(event.type(), event.address()));
        }
    }

    @EventHandler
    void on(AddressMadeDefaultEvent event, TrackedEventMessage<?> message) {
        if (ofPerson(event.entityType())) {
            timeline.add(Occurrence.of(message), event.organizationId(), event.entityId(), "address.made_default",
                    event.addressId(), "Default " + event.type() + " address chosen", Details.of("type",
                            event.type()));
        }
    }

    @EventHandler
    void on(AddressRemovedEvent event, TrackedEventMessage<?> message) {
        if (ofPerson(event.entityType())) {
            timeline.add(Occurrence.of(message), event.organizationId(), event.entityId(), "address.removed",
                    event.addressId(), "Address removed", Details.none());
        }
    }

    private static Money total(OrderTotals totals) {
        return totals == null ? null : totals.total();
    }

    private static boolean ofPerson(String entityType) {
        return AddressOwnerType.PERSON.code().equals(entityType);
    }

    private static Details address(String type, PostalAddress address) {
        Details details = Details.of("type", type);
        if (address != null) {
            details.and("lines", address.lines()).and("city", address.city())
                    .and("stateProvince", address.stateProvince()).and("postalCode", address.postalCode())
                    .and("countryCode", address.countryCode()).and("label", address.label());
        }
        return details;
    }

    private static String oneLine(PostalAddress address) {
        if (address == null) {
            return "";
        }
        StringBuilder line = new StringBuilder();
        if (!address.lines().isEmpty()) {
            line.append(address.lines().get(0)).append(", ");
        }
        line.append(address.city()).append(", ").append(address.countryCode());
        return line.toString();
    }

    private static String capitalized(String text) {
        return text == null || text.isEmpty() ? "An" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
