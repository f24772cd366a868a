package io.unifiedcrm.platform.record.api;

import java.util.List;

/** A page of records; {@code lastSortValue} is the sort property's value (as text) of the last one, if sorted. */
public record RecordPage(List<RecordView> items, boolean hasMore, String lastSortValue) {
}
