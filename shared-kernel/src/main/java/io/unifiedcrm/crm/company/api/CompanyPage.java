package io.unifiedcrm.crm.company.api;

import java.util.List;

/** One page of companies and whether another follows. */
public record CompanyPage(List<CompanyView> items, boolean hasMore) {
}
