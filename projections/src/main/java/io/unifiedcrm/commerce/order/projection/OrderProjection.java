package io.unifiedcrm.commerce.order.projection;

import io.unifiedcrm.commerce.customer.projection.CustomerStatsRules;
import io.unifiedcrm.commerce.order.api.FulfilledLine;
import io.unifiedcrm.commerce.order.api.FulfillmentStatus;
import io.unifiedcrm.commerce.order.api.OrderCancelledEvent;
import io.unifiedcrm.commerce.order.api.OrderCompletedEvent;
import io.unifiedcrm.commerce.order.api.OrderCreatedEvent;
import io.unifiedcrm.commerce.order.api.OrderLineAddedEvent;
import io.unifiedcrm.commerce.order.api.OrderLineRemovedEvent;
import io.unifiedcrm.commerce.order.api.OrderLinesFulfilledEvent;
import io.unifiedcrm.commerce.order.api.OrderPaymentRecordedEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacedEvent;
import io.unifiedcrm.commerce.order.api.OrderPlacementRequestedEvent;
import io.unifiedcrm.commerce.order.api.OrderRefundRecordedEvent;
import io.unifiedcrm.commerce.order.api.OrderRejectedEvent;
import io.unifiedcrm.commerce.order.api.OrderStatus;
import io.unifiedcrm.commerce.order.api.OrderTotals;
import io.unifiedcrm.commerce.order.api.PaymentStatus;
import io.unifiedcrm.commerce.projection.CommerceProcessingGroup;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;
import org.springframework.stereotype.Component;

/**
 * Builds {@code commerce.orders}, {@code commerce.order_line} and {@code commerce.payment} (payments and refunds),
 * and keeps the order's person's statistics on {@code commerce.customer} current ({@link CustomerStatsRules}).
 * Idempotent by the order row's version, the Order aggregate's sequence number: an event changes the order's rows
 * only when it moves that version forward. Timestamps are the events' own.
 */
@Component
@ProcessingGroup(CommerceProcessingGroup.NAME)
class OrderProjection {

    private static final String TOTALS = "subtotal = ?, discount_total = ?, tax_total = ?, shipping_total = ?, "
            + "total = ?";

    private final ReadModelJdbc jdbc;

    OrderProjection(ReadModelJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderCreatedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        OrderTotals totals = event.totals();
        jdbc.update("""
                        INSERT INTO commerce.orders (id, organization_id, person_id, customer_number, status,
                            payment_status, fulfillment_status, currency, subtotal, discount_total, tax_total,
                            shipping_total, total, shipping_method, created_at, version, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.orderId(), event.organizationId(), event.personId(), event.customerNumber(),
                OrderStatus.CART.code(), PaymentStatus.PENDING.code(), FulfillmentStatus.UNFULFILLED.code(),
                event.currency(), totals.subtotal().amount(), totals.discountTotal().amount(),
                totals.taxTotal().amount(), totals.shippingTotal().amount(), totals.total().amount(),
                event.shippingMethod(), Timestamp.from(at), sequenceNumber, Timestamp.from(at));
    }

    @EventHandler
    void on(OrderLineAddedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.orderId(), sequenceNumber, at, TOTALS, totals(event.totals()))) {
            // lines keep the order they were added in: position 1, 2, ... after the order's last line
            jdbc.update("""
                            INSERT INTO commerce.order_line (line_id, order_id, organization_id, position, product_id,
                                sku, product_name, quantity, unit_price, discount, tax_rate, tax, line_total)
                            VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM commerce.order_line
                                              WHERE order_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (order_id, line_id) DO NOTHING""",
                    event.lineId(), event.orderId(), event.organizationId(), event.orderId(), event.productId(),
                    event.sku(), event.productName(), event.quantity(), event.unitPrice().amount(),
                    event.discount().amount(), event.taxRate(), event.tax().amount(), event.lineTotal().amount());
        }
    }

    @EventHandler
    void on(OrderLineRemovedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.orderId(), sequenceNumber, at, TOTALS, totals(event.totals()))) {
            jdbc.update("DELETE FROM commerce.order_line WHERE order_id = ? AND line_id = ?", event.orderId(),
                    event.lineId());
        }
    }

    @EventHandler
    void on(OrderPlacementRequestedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        // still a cart until its stock is reserved; the version follows the aggregate all the same
        advance(event.orderId(), sequenceNumber, at, null);
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        // an order with nothing to pay is paid when placed
        Timestamp paidAt = PaymentStatus.PAID.code().equals(event.paymentStatus()) ? Timestamp.from(at) : null;
        Object[] values = {OrderStatus.PLACED.code(), Timestamp.from(at), event.shippingMethod(),
                event.paymentStatus(), paidAt};
        if (advance(event.orderId(), sequenceNumber, at, "status = ?, placed_at = ?, shipping_method = ?, "
                        + "payment_status = coalesce(cast(? AS text), payment_status), "
                        + "paid_at = coalesce(paid_at, cast(? AS timestamptz)), " + TOTALS,
                concat(values, totals(event.totals())))) {
            CustomerStatsRules.storeOwnStats(jdbc, event.personId());
        }
    }

    @EventHandler
    void on(OrderRejectedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        advance(event.orderId(), sequenceNumber, at, "status = ?, rejection_reason = ?, rejected_product_id = ?",
                OrderStatus.REJECTED.code(), event.reason(), event.productId());
    }

    @EventHandler
    void on(OrderPaymentRecordedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        // paid_at: when the payment status first became paid
        Timestamp paidAt = PaymentStatus.PAID.code().equals(event.paymentStatus()) ? Timestamp.from(at) : null;
        if (advance(event.orderId(), sequenceNumber, at, "paid_total = ?, payment_status = ?, "
                + "paid_at = coalesce(paid_at, cast(? AS timestamptz))", event.paidTotal().amount(),
                event.paymentStatus(), paidAt)) {
            jdbc.update("""
                            INSERT INTO commerce.payment (id, organization_id, order_id, person_id, kind, amount,
                                currency, method, provider_reference, recorded_at)
                            VALUES (?, ?, ?, ?, 'payment', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                    event.paymentId(), event.organizationId(), event.orderId(), event.personId(),
                    event.amount().amount(), event.amount().currency(), event.method(), event.providerReference(),
                    Timestamp.from(at));
            CustomerStatsRules.storeOwnStats(jdbc, event.personId());
        }
    }

    @EventHandler
    void on(OrderRefundRecordedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.orderId(), sequenceNumber, at, "refunded_total = ?, payment_status = ?",
                event.refundedTotal().amount(), event.paymentStatus())) {
            jdbc.update("""
                            INSERT INTO commerce.payment (id, organization_id, order_id, person_id, kind, amount,
                                currency, reason, recorded_at)
                            VALUES (?, ?, ?, ?, 'refund', ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                    event.refundId(), event.organizationId(), event.orderId(), event.personId(),
                    event.amount().amount(), event.amount().currency(), event.reason(), Timestamp.from(at));
            CustomerStatsRules.storeOwnStats(jdbc, event.personId());
        }
    }

    @EventHandler
    void on(OrderLinesFulfilledEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        // fulfilled_at: when the last unit was shipped
        Timestamp fulfilledAt = FulfillmentStatus.FULFILLED.code().equals(event.fulfillmentStatus())
                ? Timestamp.from(at) : null;
        if (advance(event.orderId(), sequenceNumber, at, "fulfillment_status = ?, "
                + "fulfilled_at = coalesce(fulfilled_at, cast(? AS timestamptz))", event.fulfillmentStatus(),
                fulfilledAt)) {
            List<Object[]> shipped = event.lines().stream().map((FulfilledLine line) ->
                    new Object[] {line.quantity(), event.orderId(), line.lineId()}).toList();
            jdbc.batchUpdate("UPDATE commerce.order_line SET fulfilled_quantity = fulfilled_quantity + ? "
                    + "WHERE order_id = ? AND line_id = ?", shipped);
        }
    }

    @EventHandler
    void on(OrderCompletedEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        // placed and completed orders count alike: the statistics do not change
        advance(event.orderId(), sequenceNumber, at, "status = ?, completed_at = ?", OrderStatus.COMPLETED.code(),
                Timestamp.from(at));
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequenceNumber,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.orderId(), sequenceNumber, at, "status = ?, cancel_reason = ?, cancelled_at = ?",
                OrderStatus.CANCELLED.code(), event.reason(), Timestamp.from(at)) && event.wasPlaced()) {
            CustomerStatsRules.storeOwnStats(jdbc, event.personId());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM commerce.payment");
        jdbc.update("DELETE FROM commerce.order_line");
        jdbc.update("DELETE FROM commerce.orders");
    }

    /**
     * Applies an event to the order's row when it is the row's next: sets the assignments (may be {@code null}),
     * the version and the update time. @return whether it did (false: the event was applied before)
     */
    private boolean advance(UUID orderId, long sequenceNumber, Instant at, String assignments, Object... values) {
        Object[] arguments = concat(values, new Object[] {sequenceNumber, Timestamp.from(at), orderId,
                sequenceNumber});
        return jdbc.update("UPDATE commerce.orders SET " + (assignments == null ? "" : assignments + ", ")
                + "version = ?, updated_at = ? WHERE id = ? AND version < ?", arguments) > 0;
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static Object[] totals(OrderTotals totals) {
        return new Object[] {totals.subtotal().amount(), totals.discountTotal().amount(), totals.taxTotal().amount(),
                totals.shippingTotal().amount(), totals.total().amount()};
    }
}
