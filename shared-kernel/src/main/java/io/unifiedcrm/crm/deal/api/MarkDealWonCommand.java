package io.unifiedcrm.crm.deal.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Wins an open deal: it moves to the first won stage of its pipeline. A won deal stays as it is. */
public record MarkDealWonCommand(@TargetAggregateIdentifier UUID dealId, UUID organizationId,
                                 @TargetAggregateVersion Long expectedVersion) {
}
