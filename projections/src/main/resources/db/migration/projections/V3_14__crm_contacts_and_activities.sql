-- Contacts' CRM fields, activities (tasks, calls, meetings, notes and purchases) and the order totals the purchases
-- need (processing group "crm"). Every timestamp is an event's timestamp or a value from an event; a replay rebuilds
-- the same rows.

-- The contact row is versioned by the Person aggregate's sequence number. last_contacted_at and the last purchase are
-- the person's own (from its activity rows); reads add those of persons merged into it.
ALTER TABLE crm.contact
    ADD COLUMN job_title              TEXT,
    ADD COLUMN department             TEXT,
    ADD COLUMN company_id             UUID,
    ADD COLUMN owner_id               UUID,
    ADD COLUMN next_follow_up         TIMESTAMPTZ,
    ADD COLUMN last_contacted_at      TIMESTAMPTZ,
    ADD COLUMN last_purchase_at       TIMESTAMPTZ,
    ADD COLUMN last_purchase_amount   NUMERIC(19, 4),
    ADD COLUMN last_purchase_currency CHAR(3),
    ADD COLUMN version                BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN updated_at             TIMESTAMPTZ;
UPDATE crm.contact SET updated_at = created_at;
ALTER TABLE crm.contact ALTER COLUMN updated_at SET NOT NULL;
-- GET /companies counts a company's contacts
CREATE INDEX contact_company_idx ON crm.contact (company_id) WHERE company_id IS NOT NULL;

-- One row per Activity aggregate (version = its sequence number) and one per completed order (type purchase, id
-- derived from the order's, version 0). occurred_at places a row on the timeline: a call's or note's occurredAt
-- (else when it was logged), a meeting's start, a task's creation, an order's completion. contacted_at is when the
-- activity reached the person: a connected call's occurred_at, or a meeting's end_at if the meeting had ended when
-- the event that wrote the row happened; a contact's last_contacted_at is the maximum over the person's rows.
CREATE TABLE crm.activity (
    id               UUID           NOT NULL,
    organization_id  UUID           NOT NULL,
    type             TEXT           NOT NULL,
    person_id        UUID,
    deal_id          UUID,
    company_id       UUID,
    owner_id         UUID,
    subject          TEXT,
    body             TEXT,
    occurred_at      TIMESTAMPTZ    NOT NULL,
    due_at           TIMESTAMPTZ,
    duration_seconds BIGINT,
    outcome          TEXT,
    start_at         TIMESTAMPTZ,
    end_at           TIMESTAMPTZ,
    completed        BOOLEAN        NOT NULL DEFAULT FALSE,
    completed_at     TIMESTAMPTZ,
    order_id         UUID,
    amount           NUMERIC(19, 4),
    currency         CHAR(3),
    contacted_at     TIMESTAMPTZ,
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL,
    CONSTRAINT activity_pk PRIMARY KEY (id),
    CONSTRAINT activity_type_ck CHECK (type IN ('task', 'call', 'meeting', 'note', 'purchase'))
);
-- GET /activities newest first, by organization, person (with merged persons), deal or company
CREATE INDEX activity_org_occurred_idx ON crm.activity (organization_id, occurred_at DESC, id DESC);
CREATE INDEX activity_person_occurred_idx ON crm.activity (person_id, occurred_at DESC, id DESC)
    WHERE person_id IS NOT NULL;
CREATE INDEX activity_deal_occurred_idx ON crm.activity (deal_id, occurred_at DESC, id DESC)
    WHERE deal_id IS NOT NULL;
CREATE INDEX activity_company_occurred_idx ON crm.activity (company_id, occurred_at DESC, id DESC)
    WHERE company_id IS NOT NULL;

-- The total of each placed order until it completes or is cancelled: the purchase activity names it. Kept in the crm
-- group (not read from commerce.orders), so a replay of crm depends on no other group's progress.
CREATE TABLE crm.order_total (
    order_id        UUID           NOT NULL,
    organization_id UUID           NOT NULL,
    person_id       UUID           NOT NULL,
    total           NUMERIC(19, 4) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    CONSTRAINT order_total_pk PRIMARY KEY (order_id)
);
