package io.unifiedcrm.crm.deal.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Reopens a won or lost deal into an open stage of its pipeline. */
public record ReopenDealCommand(@TargetAggregateIdentifier UUID dealId, UUID organizationId, UUID stageId,
                                @TargetAggregateVersion Long expectedVersion) {
}
