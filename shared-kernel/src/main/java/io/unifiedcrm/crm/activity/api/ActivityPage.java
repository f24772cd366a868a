package io.unifiedcrm.crm.activity.api;

import java.util.List;

/** One page of activities and whether another follows. */
public record ActivityPage(List<ActivityView> items, boolean hasMore) {
}
