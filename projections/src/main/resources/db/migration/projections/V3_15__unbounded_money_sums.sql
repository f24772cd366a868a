-- Sums of amounts can exceed what one amount may be (decimal(19,4) holds less than 1e15, the limit of a single
-- amount): two orders just under the limit overflowed commerce.customer.total_spent and identity.person.customer_value,
-- and the projection's batch failed for ever. Single amounts stay decimal(19,4); sums and averages are unbounded
-- NUMERIC with 4 decimal places kept by the computations.
ALTER TABLE commerce.customer
    ALTER COLUMN total_spent TYPE NUMERIC,
    ALTER COLUMN total_spent SET DEFAULT 0.0000,
    ALTER COLUMN average_order_value TYPE NUMERIC;
ALTER TABLE identity.person
    ALTER COLUMN customer_value TYPE NUMERIC,
    ALTER COLUMN customer_value SET DEFAULT 0.0000;

DROP FUNCTION commerce.customer_stats(UUID, UUID[]);
CREATE FUNCTION commerce.customer_stats(organization UUID, person_ids UUID[])
    RETURNS TABLE (order_count               INTEGER,
                   total_spent               NUMERIC,
                   average_order_value       NUMERIC,
                   first_order_date          TIMESTAMPTZ,
                   last_order_date           TIMESTAMPTZ,
                   cohort                    TEXT,
                   segment                   TEXT,
                   preferred_payment_method  TEXT,
                   preferred_shipping_method TEXT,
                   currency                  TEXT)
    LANGUAGE sql STABLE AS $$
WITH own AS (
    SELECT o.status, o.paid_total, o.refunded_total, o.placed_at, o.shipping_method, o.currency
    FROM commerce.orders o
    WHERE o.organization_id = customer_stats.organization AND o.person_id = ANY (customer_stats.person_ids)
), counted AS (
    -- placed and not cancelled (nor rejected, nor still a cart)
    SELECT * FROM own WHERE own.status IN ('placed', 'completed')
), totals AS (
    SELECT (SELECT count(*) FROM counted)::INTEGER                                           AS order_count,
           round((SELECT coalesce(sum(own.paid_total - own.refunded_total), 0) FROM own), 4)  AS total_spent,
           (SELECT min(counted.placed_at) FROM counted)                                      AS first_order_date,
           (SELECT max(counted.placed_at) FROM counted)                                      AS last_order_date,
           (SELECT min(own.currency) FROM own)::TEXT                                         AS currency
)
SELECT t.order_count,
       t.total_spent,
       CASE WHEN t.order_count > 0 THEN round(t.total_spent / t.order_count, 4) END,
       t.first_order_date,
       t.last_order_date,
       to_char(t.first_order_date AT TIME ZONE 'UTC', 'YYYY"-Q"Q'),
       CASE WHEN t.total_spent >= 1000 OR t.order_count >= 10 THEN 'vip'
            WHEN t.order_count >= 1 THEN 'regular' END,
       (SELECT p.method FROM commerce.payment p
        WHERE p.organization_id = customer_stats.organization AND p.person_id = ANY (customer_stats.person_ids)
          AND p.kind = 'payment'
        GROUP BY p.method ORDER BY count(*) DESC, max(p.recorded_at) DESC, p.method LIMIT 1),
       (SELECT counted.shipping_method FROM counted WHERE counted.shipping_method IS NOT NULL
        GROUP BY counted.shipping_method
        ORDER BY count(*) DESC, max(counted.placed_at) DESC, counted.shipping_method LIMIT 1),
       t.currency
FROM totals t
$$;

COMMENT ON FUNCTION commerce.customer_stats(UUID, UUID[]) IS
    'Customer statistics over the orders of the given persons; rules in CustomerStatsRules (projections module).';
