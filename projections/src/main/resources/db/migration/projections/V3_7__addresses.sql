-- Unified addresses (seed shared.address) of persons, companies and orders (processing group "addresses").
-- A row keeps its owner; reads of a person include the addresses of the persons merged into them.
CREATE SCHEMA IF NOT EXISTS shared;

CREATE TABLE shared.address (
    id              UUID           NOT NULL,
    organization_id UUID           NOT NULL,
    entity_type     TEXT           NOT NULL,
    entity_id       UUID           NOT NULL,
    type            TEXT           NOT NULL,
    is_default      BOOLEAN        NOT NULL,
    lines           JSONB          NOT NULL,
    city            TEXT           NOT NULL,
    state_province  TEXT,
    postal_code     TEXT,
    country         TEXT           NOT NULL,
    country_code    CHAR(2)        NOT NULL,
    label           TEXT,
    latitude        NUMERIC(9, 6),
    longitude       NUMERIC(9, 6),
    version         BIGINT         NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    CONSTRAINT address_pk PRIMARY KEY (id)
);
CREATE INDEX address_owner_idx ON shared.address (organization_id, entity_type, entity_id, type);
CREATE UNIQUE INDEX address_one_default_idx ON shared.address (entity_type, entity_id, type) WHERE is_default;
