package io.unifiedcrm.platform.record.api;

import java.util.List;
import java.util.UUID;

/**
 * One keyset page of an organization's records of {@code objectType}, all {@code filters} combined with AND, sorted
 * by {@code sort} (a property with its type, or {@code null} for creation order). The cursor values are those of
 * the last record of the previous page. Answered with a {@link RecordPage}.
 */
public record FindRecordsQuery(
        UUID organizationId,
        String objectType,
        List<PropertyFilter> filters,
        PropertySort sort,
        String afterSortValue,
        String afterCreatedAt,
        UUID afterId,
        int limit) {
}
