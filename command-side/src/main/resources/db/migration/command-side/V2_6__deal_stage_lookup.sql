-- Which stage every deal is in, written with the deal's events (a subscribing processor): a pipeline's stage keeps
-- its closed and won flags, and is not removed, while deals are in it.
CREATE SCHEMA IF NOT EXISTS crm;

CREATE TABLE crm.deal_stage_lookup (
    deal_id         UUID NOT NULL,
    organization_id UUID NOT NULL,
    pipeline_id     UUID NOT NULL,
    stage_id        UUID NOT NULL,
    CONSTRAINT deal_stage_lookup_pk PRIMARY KEY (deal_id)
);
CREATE INDEX deal_stage_lookup_stage_idx ON crm.deal_stage_lookup (stage_id);
