package io.unifiedcrm.commerce.order.api;

import java.math.BigDecimal;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records money given back to the customer: never more than was paid and not yet refunded. */
public record RecordRefundCommand(@TargetAggregateIdentifier UUID orderId, UUID organizationId, UUID refundId,
                                  BigDecimal amount, String currency, String reason,
                                  @TargetAggregateVersion Long expectedVersion) {
}
