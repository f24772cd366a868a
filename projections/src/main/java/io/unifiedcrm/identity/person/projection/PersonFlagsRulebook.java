package io.unifiedcrm.identity.person.projection;

import io.unifiedcrm.shared.LifecycleStage;
import io.unifiedcrm.shared.PersonSource;

/**
 * The one place the computed person flags are decided (ARCHITECTURE §6). Versioned: a row records the rulebook
 * version that computed it, and a changed rule gets a new version (then a replay recomputes every row). Pure: the
 * same events always give the same flags. Fed by identity events, by the CRM contact, deal and activity events and by
 * the commerce order events.
 *
 * <p>Version 4 (version 3 with a lead score history, and deals, activities and purchases): a person's own events earn
 * its own flags ({@code own_*} columns of {@code identity.person}) — stage visitor at creation, lead through a lead
 * form or by becoming a CRM contact, moving forward only; hasAccount at registration. The orders of a person earn
 * flags per order ({@code identity.person_order}, one row per placed order, written by {@link
 * PersonOrderFlagsProjection}; none of it ever goes back): placed at {@code OrderPlacedEvent} (a later cancellation
 * keeps it), fully paid at the first payment that leaves the order {@code paid} (paid less refunded covers the total),
 * completed at {@code OrderCompletedEvent}, with the order's paid and refunded totals. Lead score: every event that
 * earns points leaves a row in {@code identity.lead_score_entry} ({@link LeadScores}, points per {@link
 * LeadScoreReason}): +10 per verified e-mail address, +5 per verified phone number, +10 for registering an account,
 * +20 per completed order, +15 per deal the person is the primary person of, +5 per connected call and +10 per meeting
 * logged for the person ({@link PersonCrmFlagsProjection}). Deals move the own stage too: lead with an open deal,
 * customer with a won one.
 *
 * <p>The effective flags of a person combine its own flags and orders with those of every person merged into it
 * (recursively): the highest of the own stages, {@code customer} if any order was fully paid and {@code evangelist}
 * when such a customer has at least {@value #EVANGELIST_COMPLETED_ORDERS} completed orders (completed free orders
 * alone make nobody a customer); the sum of their lead score entries, each source once; any hasAccount;
 * hasOrdered if any order was placed; customerValue = Σ paid − Σ refunded over the orders. An explicit stage (set by
 * a command) overrides the stage. Since own stages only move forward and order rows never go back, the stage only
 * moves forward too — except that an unmerge takes back what the unmerged person had brought.
 */
final class PersonFlagsRulebook {

    static final String VERSION = "4";

    /** Completed orders (of a person with everybody merged into it) that make an evangelist. */
    static final int EVANGELIST_COMPLETED_ORDERS = 3;

    /**
     * Recomputes the effective flags of the survivor at the root of {@code :personId}'s merges from the own flags
     * and the order rows of everybody merged into it (recursively). A statement, so it reads the rows as the
     * projections wrote them. {@code :evangelistCompletedOrders} is {@link #EVANGELIST_COMPLETED_ORDERS}; stages are
     * ranked by their position in {@code ARRAY['visitor', 'lead', 'customer', 'evangelist']} (1 to 4).
     */
    static final String RECOMPUTE_EFFECTIVE_FLAGS = """
            WITH RECURSIVE up (id, merged_into_id) AS (
                SELECT id, merged_into_id FROM identity.person WHERE id = :personId
                UNION ALL
                SELECT p.id, p.merged_into_id FROM identity.person p JOIN up ON p.id = up.merged_into_id
            ), survivor AS (
                SELECT id FROM up WHERE merged_into_id IS NULL
            ), merged (id) AS (
                SELECT id FROM survivor
                UNION ALL
                SELECT p.id FROM identity.person p JOIN merged ON p.merged_into_id = merged.id
            ), own AS (
                SELECT max(array_position(ARRAY['visitor', 'lead', 'customer', 'evangelist'], own_lifecycle_stage))
                           AS stage_rank,
                       bool_or(own_has_account) AS has_account,
                       -- a deal or an activity given from one merged person to another counts once
                       (SELECT coalesce(sum(points), 0) FROM (
                            SELECT DISTINCT ON (source_id) points FROM identity.lead_score_entry
                            WHERE person_id IN (SELECT id FROM merged)
                            ORDER BY source_id, occurred_at, person_id) awarded) AS lead_score
                FROM identity.person WHERE id IN (SELECT id FROM merged)
            ), orders AS (
                SELECT CASE WHEN bool_or(fully_paid)
                                 AND count(*) FILTER (WHERE completed) >= :evangelistCompletedOrders THEN 4
                            WHEN bool_or(fully_paid) THEN 3
                            ELSE 1 END AS stage_rank,
                       coalesce(bool_or(placed), false) AS has_ordered,
                       round(coalesce(sum(paid_total - refunded_total), 0), 4) AS customer_value
                FROM identity.person_order WHERE person_id IN (SELECT id FROM merged)
            ), combined AS (
                SELECT (ARRAY['visitor', 'lead', 'customer', 'evangelist'])[
                           greatest(own.stage_rank, orders.stage_rank)] AS stage,
                       orders.has_ordered, own.has_account, own.lead_score, orders.customer_value
                FROM own CROSS JOIN orders
            )
            UPDATE identity.person p
            SET lifecycle_stage          = coalesce(p.explicit_lifecycle_stage, c.stage),
                lifecycle_stage_explicit = p.explicit_lifecycle_stage IS NOT NULL,
                is_lead                  = coalesce(p.explicit_lifecycle_stage, c.stage) = 'lead',
                is_customer              = coalesce(p.explicit_lifecycle_stage, c.stage) IN ('customer', 'evangelist'),
                has_ordered              = c.has_ordered,
                has_account              = c.has_account,
                lead_score               = c.lead_score,
                customer_value           = c.customer_value,
                flags_rulebook_version   = :rulebookVersion
            FROM combined c
            WHERE p.id = (SELECT id FROM survivor)""";

    private PersonFlagsRulebook() {
    }

    /** The stage of a new person: a lead when they came through a lead form, a visitor otherwise. */
    static LifecycleStage stageAtCreation(String source) {
        return source != null && source.equals(PersonSource.LEAD_FORM.code()) ? LifecycleStage.LEAD
                : LifecycleStage.VISITOR;
    }

    static boolean isLead(LifecycleStage stage) {
        return stage == LifecycleStage.LEAD;
    }

    static boolean isCustomer(LifecycleStage stage) {
        return stage.isAtLeast(LifecycleStage.CUSTOMER);
    }
}
