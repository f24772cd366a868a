package io.unifiedcrm.crm.deal.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Loses an open deal for a reason: it moves to the first lost stage of its pipeline. A lost deal stays as it is. */
public record MarkDealLostCommand(@TargetAggregateIdentifier UUID dealId, UUID organizationId, String reason,
                                  @TargetAggregateVersion Long expectedVersion) {
}
