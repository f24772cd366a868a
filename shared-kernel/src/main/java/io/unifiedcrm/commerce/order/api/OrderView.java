package io.unifiedcrm.commerce.order.api;

import io.unifiedcrm.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the read model holds it: its status with payment and fulfilment progress, the totals the aggregate
 * computed, what was paid and refunded, its lines (in the order they were added), payments and refunds (oldest
 * first). {@code balanceDue} is what is left to pay (total − paid) of a placed or completed order, 0 for a cart, a
 * rejected or a cancelled order. {@code paidAt} is when the order first became paid in full, {@code fulfilledAt} when
 * its last unit was shipped.
 */
public record OrderView(
        UUID id,
        UUID personId,
        String customerNumber,
        String status,
        String paymentStatus,
        String fulfillmentStatus,
        String currency,
        String shippingMethod,
        OrderTotals totals,
        Money paidTotal,
        Money refundedTotal,
        Money balanceDue,
        List<OrderLineView> lines,
        List<OrderPaymentView> payments,
        List<OrderRefundView> refunds,
        String rejectionReason,
        UUID rejectedProductId,
        String cancelReason,
        Instant createdAt,
        Instant placedAt,
        Instant paidAt,
        Instant fulfilledAt,
        Instant completedAt,
        Instant cancelledAt,
        Instant updatedAt,
        long version) {
}
