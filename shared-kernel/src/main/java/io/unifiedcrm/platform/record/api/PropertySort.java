package io.unifiedcrm.platform.record.api;

/** Sorting records by a property (of a schema type as in {@link PropertyFilter}), missing values last. */
public record PropertySort(String property, String type, boolean descending) {
}
