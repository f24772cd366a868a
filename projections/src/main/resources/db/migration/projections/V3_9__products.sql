-- The catalog and its stock (processing group "commerce").
CREATE TABLE commerce.product (
    id              UUID           NOT NULL,
    organization_id UUID           NOT NULL,
    sku             TEXT           NOT NULL,
    name            TEXT           NOT NULL,
    description     TEXT,
    price_amount    NUMERIC(19, 4) NOT NULL,
    price_currency  CHAR(3)        NOT NULL,
    status          TEXT           NOT NULL,
    tags            JSONB          NOT NULL,
    version         BIGINT         NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    CONSTRAINT product_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX product_org_sku_uq ON commerce.product (organization_id, lower(sku));
CREATE INDEX product_org_created_idx ON commerce.product (organization_id, created_at, id);

CREATE TABLE commerce.inventory_level (
    product_id      UUID    NOT NULL,
    organization_id UUID    NOT NULL,
    on_hand         BIGINT  NOT NULL,
    reserved        BIGINT  NOT NULL,
    available       BIGINT  GENERATED ALWAYS AS (on_hand - reserved) STORED,
    version         BIGINT  NOT NULL,
    CONSTRAINT inventory_level_pk PRIMARY KEY (product_id)
);
