package io.unifiedcrm.identity.person.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Answered with a {@code PersonPage}: the organization's persons in creation order, filtered by every non-null
 * criterion — e-mail (any case), lifecycle stage code, isCustomer, isLead, source code, and {@code namePrefix}
 * (first name, last name or e-mail starting with it, any case) — at most {@code limit} after the person created at
 * {@code afterCreatedAt} with id {@code afterId} (both {@code null} for the first page).
 */
public record FindPersonsQuery(
        UUID organizationId,
        String email,
        String lifecycleStage,
        Boolean isCustomer,
        Boolean isLead,
        String source,
        String namePrefix,
        Instant afterCreatedAt,
        UUID afterId,
        int limit) {
}
