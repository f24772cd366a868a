package io.unifiedcrm.crm.deal.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a deal in an open stage of a pipeline: the organization's default pipeline when {@code pipelineId} is null,
 * its first open stage when {@code stageId} is null. The amount (optional) is in the organization's base currency,
 * which {@code amountCurrency} may leave out. Owner and primary person are persons of the organization, the company
 * a {@code company} record.
 */
public record CreateDealCommand(@TargetAggregateIdentifier UUID dealId, UUID organizationId, String name,
                                BigDecimal amount, String amountCurrency, UUID pipelineId, UUID stageId,
                                LocalDate closeDate, UUID ownerId, UUID personId, UUID companyId) {
}
