package io.unifiedcrm.commerce.order.api;

import io.unifiedcrm.shared.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A payment was received; {@code paidTotal} and {@code paymentStatus} are the order's after it. */
@Revision("1")
public record OrderPaymentRecordedEvent(UUID orderId, UUID organizationId, UUID personId, UUID paymentId,
                                        Money amount, String method, String providerReference, Money paidTotal,
                                        String paymentStatus) {
}
