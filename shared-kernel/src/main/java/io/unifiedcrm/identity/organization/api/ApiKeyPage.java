package io.unifiedcrm.identity.organization.api;

import java.util.List;

/** One page of API keys; {@code hasMore} when more follow the last one. */
public record ApiKeyPage(List<ApiKeyView> items, boolean hasMore) {
}
