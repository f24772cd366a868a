package io.unifiedcrm.platform.record.api;

import java.util.List;

/**
 * One condition on a record property: {@code operator} one of eq, ne, gt, gte, lt, lte, in, contains, exists;
 * {@code values} holds one value (several for {@code in}; "true"/"false" for {@code exists}). {@code type} is how
 * the property's schema types it: text, number, boolean, date or datetime.
 */
public record PropertyFilter(String property, String type, String operator, List<String> values) {
}
