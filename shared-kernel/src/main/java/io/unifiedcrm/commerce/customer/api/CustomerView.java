package io.unifiedcrm.commerce.customer.api;

import io.unifiedcrm.shared.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * The commerce extension of a person (seed commerce.customer) with the statistics of the person's orders and of
 * the orders of everybody merged into the person (rules: CustomerStatsRules in the projections). {@code segment} is
 * the value segment ({@code vip}, {@code regular}); {@code recencySegment} ({@code active}, {@code at_risk},
 * {@code churned}) is derived from {@code lastOrderDate} when read. Without a counted order, the average, the dates,
 * the cohort and the recency segment are {@code null}.
 */
public record CustomerView(
        UUID personId,
        String customerNumber,
        Instant createdAt,
        Money totalSpent,
        int orderCount,
        Money averageOrderValue,
        Instant firstOrderDate,
        Instant lastOrderDate,
        String cohort,
        String segment,
        String recencySegment,
        String preferredPaymentMethod,
        String preferredShippingMethod) {
}
