-- Pipelines with their stages, deals and the stages each deal went through (processing group "crm"). Every row is
-- written from the events of one aggregate (a deal's rows from its own events, a pipeline's from its own): stage
-- names and probabilities are joined when read, never copied. Timestamps and ids are the events' own: a replay
-- rebuilds the same rows.
CREATE SCHEMA IF NOT EXISTS crm;

CREATE TABLE crm.pipeline (
    id              UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    name            TEXT        NOT NULL,
    is_default      BOOLEAN     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL,
    CONSTRAINT pipeline_pk PRIMARY KEY (id)
);
CREATE INDEX pipeline_org_created_idx ON crm.pipeline (organization_id, created_at, id);

-- A removed stage keeps its row (removed, without a position): the history of deals that were in it names it.
CREATE TABLE crm.pipeline_stage (
    id                UUID          NOT NULL,
    pipeline_id       UUID          NOT NULL,
    organization_id   UUID          NOT NULL,
    position          INTEGER,
    name              TEXT          NOT NULL,
    probability       NUMERIC(5, 2) NOT NULL,
    forecast_category TEXT          NOT NULL,
    is_closed         BOOLEAN       NOT NULL,
    is_won            BOOLEAN       NOT NULL,
    removed           BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT pipeline_stage_pk PRIMARY KEY (id),
    CONSTRAINT pipeline_stage_probability_ck CHECK (probability BETWEEN 0 AND 100),
    CONSTRAINT pipeline_stage_won_closed_ck CHECK (is_closed OR NOT is_won)
);
CREATE INDEX pipeline_stage_pipeline_idx ON crm.pipeline_stage (pipeline_id, position);

CREATE TABLE crm.deal (
    id               UUID           NOT NULL,
    organization_id  UUID           NOT NULL,
    name             TEXT           NOT NULL,
    amount           NUMERIC(19, 4),
    currency         CHAR(3),
    pipeline_id      UUID           NOT NULL,
    stage_id         UUID           NOT NULL,
    status           TEXT           NOT NULL,
    close_date       DATE,
    owner_id         UUID,
    person_id        UUID,
    company_id       UUID,
    lost_reason      TEXT,
    stage_entered_at TIMESTAMPTZ    NOT NULL,
    closed_at        TIMESTAMPTZ,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL,
    version          BIGINT         NOT NULL,
    CONSTRAINT deal_pk PRIMARY KEY (id),
    CONSTRAINT deal_status_ck CHECK (status IN ('open', 'won', 'lost'))
);
-- GET /deals (newest first) by pipeline and stage, owner, status, person; the pipeline summary by stage
CREATE INDEX deal_org_created_idx ON crm.deal (organization_id, created_at DESC, id DESC);
CREATE INDEX deal_stage_idx ON crm.deal (stage_id, created_at DESC, id DESC);
CREATE INDEX deal_pipeline_created_idx ON crm.deal (pipeline_id, created_at DESC, id DESC);
CREATE INDEX deal_owner_created_idx ON crm.deal (owner_id, created_at DESC, id DESC);
CREATE INDEX deal_person_created_idx ON crm.deal (person_id, created_at DESC, id DESC);

-- One row per stay of a deal in a stage, keyed by the sequence number of the deal's event that entered it.
CREATE TABLE crm.deal_stage_history (
    deal_id          UUID        NOT NULL,
    entered_sequence BIGINT      NOT NULL,
    organization_id  UUID        NOT NULL,
    pipeline_id      UUID        NOT NULL,
    stage_id         UUID        NOT NULL,
    entered_at       TIMESTAMPTZ NOT NULL,
    left_at          TIMESTAMPTZ,
    time_in_stage_ms BIGINT,
    CONSTRAINT deal_stage_history_pk PRIMARY KEY (deal_id, entered_sequence)
);
