package io.unifiedcrm.crm.deal.api;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Moves an open deal to another stage of its pipeline: into a won stage it is won, into a lost stage (closed, not
 * won) it is lost and needs {@code lostReason}. To the stage it is in, nothing changes.
 */
public record MoveDealStageCommand(@TargetAggregateIdentifier UUID dealId, UUID organizationId, UUID stageId,
                                   String lostReason, @TargetAggregateVersion Long expectedVersion) {
}
