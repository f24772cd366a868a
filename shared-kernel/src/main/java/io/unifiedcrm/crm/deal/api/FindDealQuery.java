package io.unifiedcrm.crm.deal.api;

import java.util.UUID;

/** Answered with an {@code Optional<DealView>}; another organization's deal is not found. */
public record FindDealQuery(UUID organizationId, UUID dealId) {
}
