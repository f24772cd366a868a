-- What a person's orders contribute to the person's computed flags (PersonFlagsRulebook version 3), one row per
-- order that was placed, written by the identity processing group. Order events carry the ORDER's sequence numbers,
-- so the row keeps its own version (the last applied order event's sequence number) to make redelivery harmless;
-- placed, fully_paid and completed never go back. The row stays with the person the order is for: a merge or an
-- unmerge moves it with that person, because the rulebook combines the rows of everybody merged into a survivor.
CREATE TABLE identity.person_order (
    order_id        UUID           NOT NULL,
    organization_id UUID           NOT NULL,
    person_id       UUID           NOT NULL,
    placed          BOOLEAN        NOT NULL DEFAULT false,
    fully_paid      BOOLEAN        NOT NULL DEFAULT false,
    completed       BOOLEAN        NOT NULL DEFAULT false,
    total           NUMERIC(19, 4),
    paid_total      NUMERIC(19, 4) NOT NULL DEFAULT 0,
    refunded_total  NUMERIC(19, 4) NOT NULL DEFAULT 0,
    version         BIGINT         NOT NULL,
    CONSTRAINT person_order_pk PRIMARY KEY (order_id)
);
CREATE INDEX person_order_person_idx ON identity.person_order (person_id);

-- Orders were never an event of the person's own stream: the per-order rows above replace these two columns,
-- which nothing wrote (always false / 0).
ALTER TABLE identity.person
    DROP COLUMN own_has_ordered,
    DROP COLUMN own_customer_value;
