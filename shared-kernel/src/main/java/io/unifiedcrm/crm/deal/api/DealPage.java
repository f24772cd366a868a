package io.unifiedcrm.crm.deal.api;

import java.util.List;

public record DealPage(List<DealView> items, boolean hasMore) {
}
