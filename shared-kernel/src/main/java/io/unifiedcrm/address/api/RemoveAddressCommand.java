package io.unifiedcrm.address.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RemoveAddressCommand(@TargetAggregateIdentifier UUID addressId, UUID organizationId,
                                   @TargetAggregateVersion Long expectedVersion) {
}
