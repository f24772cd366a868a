package io.unifiedcrm.crm.pipeline.api;

import io.unifiedcrm.shared.Money;
import java.util.List;
import java.util.UUID;

/**
 * A pipeline's deals per stage, in stage order, and over all stages: {@code weightedAmount} is the sum of the
 * stages' weighted amounts. Amounts are in the organization's base currency.
 */
public record PipelineSummaryView(UUID pipelineId, String name, List<StageSummaryView> stages, long dealCount,
                                  Money amount, Money weightedAmount) {
}
