package io.unifiedcrm.commerce.order.api;

import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records a payment of a placed order. A payment with a provider reference the order already has is the same
 * payment reported again and changes nothing.
 */
public record RecordPaymentCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId, UUID paymentId,
                                   BigDecimal amount, String currency, String method, String providerReference,
                                   @TargetAggregateVersion Long expectedVersion) {
}
