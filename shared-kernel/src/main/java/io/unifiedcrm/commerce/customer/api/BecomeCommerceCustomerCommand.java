package io.unifiedcrm.commerce.customer.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes a person a commerce customer with a customer number, unless they are one already (handled by Person). */
public record BecomeCommerceCustomerCommand(@TargetAggregateIdentifier UUID personId, UUID organizationId) {
}
