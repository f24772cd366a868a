-- The rest of the seed's person fields, merges (a merged person keeps its row with merged_into_id), and the flags a
-- person's own events earn ("own_" columns). The effective flags (lifecycle_stage, lead_score, ...) combine the
-- own flags of a survivor and of every person merged into it (PersonFlagsRulebook), so an unmerge is exact.
ALTER TABLE identity.person
    ADD COLUMN middle_name              TEXT,
    ADD COLUMN display_name             TEXT,
    ADD COLUMN avatar_url               TEXT,
    ADD COLUMN source_details           JSONB,
    ADD COLUMN secondary_emails         JSONB          NOT NULL DEFAULT '[]',
    ADD COLUMN merged_into_id           UUID,
    ADD COLUMN own_lifecycle_stage      TEXT           NOT NULL DEFAULT 'visitor',
    ADD COLUMN explicit_lifecycle_stage TEXT,
    ADD COLUMN own_lead_score           INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN own_has_account          BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN own_has_ordered          BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN own_customer_value       NUMERIC(19, 4) NOT NULL DEFAULT 0,
    ADD COLUMN last_activity_at         TIMESTAMPTZ;

UPDATE identity.person
SET own_lifecycle_stage      = CASE WHEN source = 'lead_form' THEN 'lead' ELSE 'visitor' END,
    explicit_lifecycle_stage = CASE WHEN lifecycle_stage_explicit THEN lifecycle_stage END;

CREATE INDEX person_merged_into_idx ON identity.person (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- The commerce and CRM extensions of a person, created by the person's source (checkout, lead form).
CREATE SCHEMA IF NOT EXISTS commerce;
CREATE TABLE commerce.customer (
    person_id       UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    customer_number TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT customer_pk PRIMARY KEY (person_id),
    CONSTRAINT customer_number_uq UNIQUE (organization_id, customer_number)
);

CREATE SCHEMA IF NOT EXISTS crm;
CREATE TABLE crm.contact (
    person_id       UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    lead_status     TEXT        NOT NULL,
    lead_source     TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT contact_pk PRIMARY KEY (person_id)
);
CREATE INDEX contact_org_idx ON crm.contact (organization_id, lead_status);
