package io.unifiedcrm.commerce.customer.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import io.unifiedcrm.projection.runtime.ReadModelJdbc;

/**
 * The customer statistics of ARCHITECTURE §6, defined once: in the SQL function {@value #FUNCTION}{@code
 * (organization, person_ids)} (migration V3_11), which the commerce projection uses to store a person's own
 * statistics on its {@code commerce.customer} row and the customer query uses to show a survivor's statistics over
 * itself and everybody merged into it. Over the orders of the given persons:
 * <ul>
 *   <li>{@code orderCount}: the orders that were placed and are not cancelled (status placed or completed; carts and
 *       rejected orders never count);</li>
 *   <li>{@code totalSpent}: Σ paid − Σ refunded over all the persons' orders, whatever their status (money paid
 *       for an order cancelled later counts until it is refunded);</li>
 *   <li>{@code averageOrderValue}: totalSpent / orderCount rounded to 4 decimal places (half away from zero),
 *       {@code null} when orderCount is 0;</li>
 *   <li>{@code firstOrderDate} / {@code lastOrderDate}: the earliest / latest time a counted order was placed;</li>
 *   <li>{@code cohort}: the calendar quarter of firstOrderDate in UTC, e.g. {@code 2026-Q4};</li>
 *   <li>{@code segment} (the value segment, stored): {@code vip} when totalSpent ≥ 1000 or orderCount ≥ 10,
 *       {@code regular} when orderCount ≥ 1, {@code null} otherwise;</li>
 *   <li>{@code preferredPaymentMethod}: the method of most payments (refunds aside); a tie goes to the method
 *       with the most recent payment (then the alphabetically first);</li>
 *   <li>{@code preferredShippingMethod}: the most common shipping method of the counted orders; a tie goes to the
 *       method of the latest placed order (then the alphabetically first).</li>
 * </ul>
 * The recency segment is not stored, since it changes with time alone: {@link #recencySegment}.
 */
public final class CustomerStatsRules {

    public static final String FUNCTION = "commerce.customer_stats";
    public static final Duration ACTIVE_WITHIN = Duration.ofDays(90);
    public static final Duration AT_RISK_WITHIN = Duration.ofDays(180);

    private static final String STORE_OWN_STATS = """
            UPDATE commerce.customer c
            SET (total_spent, order_count, average_order_value, first_order_date, last_order_date, segment, cohort,
                 preferred_payment_method, preferred_shipping_method) =
                (SELECT s.total_spent, s.order_count, s.average_order_value, s.first_order_date, s.last_order_date,
                        s.segment, s.cohort, s.preferred_payment_method, s.preferred_shipping_method
                 FROM %s(c.organization_id, ARRAY[c.person_id]) s)
            WHERE c.person_id = ?""".formatted(FUNCTION);

    private CustomerStatsRules() {
    }

    /** Stores the person's own statistics (of the orders placed for this very person) on its customer row. */
    public static void storeOwnStats(ReadModelJdbc jdbc, UUID personId) {
        jdbc.update(STORE_OWN_STATS, personId);
    }

    /**
     * @return {@code active} when the last order was placed at most 90 days before {@code now}, {@code at_risk}
     *     when 90 to 180 days before, {@code churned} when longer ago, {@code null} without a counted order
     */
    public static String recencySegment(Instant lastOrderDate, Instant now) {
        if (lastOrderDate == null) {
            return null;
        }
        Duration age = Duration.between(lastOrderDate, now);
        if (age.compareTo(ACTIVE_WITHIN) <= 0) {
            return "active";
        }
        return age.compareTo(AT_RISK_WITHIN) <= 0 ? "at_risk" : "churned";
    }
}
