-- Orders, their lines, payments and refunds, and the customer statistics computed from them (processing group
-- "commerce"). Every timestamp is an event's timestamp and every id an event's id: a replay rebuilds the same rows.
CREATE TABLE commerce.orders (
    id                  UUID           NOT NULL,
    organization_id     UUID           NOT NULL,
    person_id           UUID           NOT NULL,
    customer_number     TEXT,
    status              TEXT           NOT NULL,
    payment_status      TEXT           NOT NULL,
    fulfillment_status  TEXT           NOT NULL,
    currency            CHAR(3)        NOT NULL,
    subtotal            NUMERIC(19, 4) NOT NULL,
    discount_total      NUMERIC(19, 4) NOT NULL,
    tax_total           NUMERIC(19, 4) NOT NULL,
    shipping_total      NUMERIC(19, 4) NOT NULL,
    total               NUMERIC(19, 4) NOT NULL,
    paid_total          NUMERIC(19, 4) NOT NULL DEFAULT 0,
    refunded_total      NUMERIC(19, 4) NOT NULL DEFAULT 0,
    shipping_method     TEXT,
    rejection_reason    TEXT,
    rejected_product_id UUID,
    cancel_reason       TEXT,
    created_at          TIMESTAMPTZ    NOT NULL,
    placed_at           TIMESTAMPTZ,
    paid_at             TIMESTAMPTZ,
    fulfilled_at        TIMESTAMPTZ,
    completed_at        TIMESTAMPTZ,
    cancelled_at        TIMESTAMPTZ,
    version             BIGINT         NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    CONSTRAINT orders_pk PRIMARY KEY (id)
);
-- GET /orders (newest first), filtered by status, and by person (the statistics read a person's orders too)
CREATE INDEX orders_org_created_idx ON commerce.orders (organization_id, created_at DESC, id DESC);
CREATE INDEX orders_org_status_created_idx ON commerce.orders (organization_id, status, created_at DESC, id DESC);
CREATE INDEX orders_person_created_idx ON commerce.orders (person_id, created_at DESC, id DESC);

CREATE TABLE commerce.order_line (
    line_id            UUID           NOT NULL,
    order_id           UUID           NOT NULL,
    organization_id    UUID           NOT NULL,
    position           INTEGER        NOT NULL,
    product_id         UUID           NOT NULL,
    sku                TEXT           NOT NULL,
    product_name       TEXT           NOT NULL,
    quantity           BIGINT         NOT NULL,
    unit_price         NUMERIC(19, 4) NOT NULL,
    discount           NUMERIC(19, 4) NOT NULL,
    tax_rate           NUMERIC(7, 4)  NOT NULL,
    tax                NUMERIC(19, 4) NOT NULL,
    line_total         NUMERIC(19, 4) NOT NULL,
    fulfilled_quantity BIGINT         NOT NULL DEFAULT 0,
    -- a line id may come from the client: unique within its order only
    CONSTRAINT order_line_pk PRIMARY KEY (order_id, line_id)
);

CREATE TABLE commerce.payment (
    id                 UUID           NOT NULL,
    organization_id    UUID           NOT NULL,
    order_id           UUID           NOT NULL,
    person_id          UUID           NOT NULL,
    kind               TEXT           NOT NULL,
    amount             NUMERIC(19, 4) NOT NULL,
    currency           CHAR(3)        NOT NULL,
    method             TEXT,
    provider_reference TEXT,
    reason             TEXT,
    recorded_at        TIMESTAMPTZ    NOT NULL,
    CONSTRAINT payment_pk PRIMARY KEY (id),
    CONSTRAINT payment_kind_ck CHECK (kind IN ('payment', 'refund'))
);
CREATE INDEX payment_order_idx ON commerce.payment (order_id, recorded_at, id);
CREATE INDEX payment_person_idx ON commerce.payment (person_id, kind);

-- A person's own statistics (of the orders placed for this very person; reads add those of persons merged into it)
ALTER TABLE commerce.customer
    ADD COLUMN total_spent               NUMERIC(19, 4) NOT NULL DEFAULT 0,
    ADD COLUMN order_count               INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN average_order_value       NUMERIC(19, 4),
    ADD COLUMN first_order_date          TIMESTAMPTZ,
    ADD COLUMN last_order_date           TIMESTAMPTZ,
    ADD COLUMN segment                   TEXT,
    ADD COLUMN cohort                    TEXT,
    ADD COLUMN preferred_payment_method  TEXT,
    ADD COLUMN preferred_shipping_method TEXT;

-- The one definition of the customer statistics (CustomerStatsRules documents them), over the orders and payments of
-- the given persons of one organization: the projection stores a person's own, the query combines a survivor with
-- everybody merged into it. Always exactly one row.
CREATE FUNCTION commerce.customer_stats(organization UUID, person_ids UUID[])
    RETURNS TABLE (order_count               INTEGER,
                   total_spent               NUMERIC(19, 4),
                   average_order_value       NUMERIC(19, 4),
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
           (SELECT coalesce(sum(own.paid_total - own.refunded_total), 0) FROM own)::NUMERIC(19, 4) AS total_spent,
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
