package io.unifiedcrm.search.api;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * A page of the organization's documents that match {@code text} (2 to 200 characters), of the given types (never
 * empty), best first: after the hit with score {@code afterScore} and id {@code afterId} ({@code null}s for the first
 * page).
 */
public record FindSearchHitsQuery(UUID organizationId, String text, Set<SearchType> types, BigDecimal afterScore,
                                  UUID afterId, int limit) {
}
