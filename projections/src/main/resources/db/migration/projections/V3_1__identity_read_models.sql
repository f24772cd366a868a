-- Read models of the identity domain (processing group "identity"). Each row keeps the version (sequence number)
-- of the last event applied to it, so handlers are idempotent and reads can wait for a version.
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.organization (
    id            UUID        NOT NULL,
    name          TEXT        NOT NULL,
    base_currency TEXT        NOT NULL,
    version       BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT organization_pk PRIMARY KEY (id)
);

CREATE TABLE identity.person (
    id              UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    email           TEXT        NOT NULL,
    first_name      TEXT,
    last_name       TEXT,
    phone           TEXT,
    source          TEXT,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT person_pk PRIMARY KEY (id)
);
CREATE INDEX person_org_email_idx ON identity.person (organization_id, lower(email));
CREATE INDEX person_org_created_idx ON identity.person (organization_id, created_at, id);
