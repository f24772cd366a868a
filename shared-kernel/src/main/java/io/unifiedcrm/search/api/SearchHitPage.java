package io.unifiedcrm.search.api;

import java.util.List;

/** One page of search hits, best first, and whether another follows. */
public record SearchHitPage(List<SearchHitView> items, boolean hasMore) {
}
