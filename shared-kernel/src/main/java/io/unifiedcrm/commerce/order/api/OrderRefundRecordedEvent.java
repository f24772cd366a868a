package io.unifiedcrm.commerce.order.api;

import io.unifiedcrm.shared.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Money went back to the customer; {@code refundedTotal} and {@code paymentStatus} are the order's after it. */
@Revision("1")
public record OrderRefundRecordedEvent(UUID orderId, UUID organizationId, UUID personId, UUID refundId,
                                       Money amount, String reason, Money refundedTotal, String paymentStatus) {
}
