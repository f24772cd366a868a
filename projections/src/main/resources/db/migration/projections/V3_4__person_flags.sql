-- The computed flags of a person (ARCHITECTURE §6), derived from events by the versioned rulebook.
ALTER TABLE identity.person
    ADD COLUMN lifecycle_stage          TEXT           NOT NULL DEFAULT 'visitor',
    ADD COLUMN lifecycle_stage_explicit BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN is_lead                  BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN is_customer              BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN has_ordered              BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN has_account              BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN is_vendor                BOOLEAN        NOT NULL DEFAULT false,
    ADD COLUMN lead_score               INTEGER        NOT NULL DEFAULT 0,
    ADD COLUMN customer_value           NUMERIC(19, 4) NOT NULL DEFAULT 0,
    ADD COLUMN flags_rulebook_version   TEXT           NOT NULL DEFAULT '1';
CREATE INDEX person_org_lifecycle_idx ON identity.person (organization_id, lifecycle_stage);
