-- Which pipeline belongs to which organization, written with the pipeline's creation (a subscribing processor): an
-- organization has a bounded number of pipelines.
CREATE TABLE crm.pipeline_lookup (
    pipeline_id     UUID NOT NULL,
    organization_id UUID NOT NULL,
    CONSTRAINT pipeline_lookup_pk PRIMARY KEY (pipeline_id)
);
CREATE INDEX pipeline_lookup_organization_idx ON crm.pipeline_lookup (organization_id);

-- The pipelines created before this table existed (none when the events live in Axon Server, which only a new
-- installation uses). No statement timeout: it reads every PipelineCreatedEvent once.
SET LOCAL statement_timeout = 0;
INSERT INTO crm.pipeline_lookup (pipeline_id, organization_id)
SELECT cast(payload ->> 'pipelineId' AS uuid), cast(payload ->> 'organizationId' AS uuid)
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS payload
      FROM axon.domain_event_entry
      WHERE payload_type = 'io.unifiedcrm.crm.pipeline.api.PipelineCreatedEvent') created
ON CONFLICT (pipeline_id) DO NOTHING;
