-- Which organization each aggregate belongs to, written with the aggregate's first event (AggregateOwners): a
-- command of one organization naming another's aggregate is refused before that aggregate is locked or loaded.
CREATE TABLE system.aggregate_owner (
    aggregate_id    UUID NOT NULL,
    organization_id UUID NOT NULL,
    CONSTRAINT aggregate_owner_pk PRIMARY KEY (aggregate_id)
);

-- The aggregates created before this table existed (none when the events live in Axon Server, which only a new
-- installation uses). No statement timeout: it reads the first event of every aggregate once.
SET LOCAL statement_timeout = 0;
INSERT INTO system.aggregate_owner (aggregate_id, organization_id)
SELECT cast(aggregate_identifier AS uuid), cast(organization_id AS uuid)
FROM (SELECT aggregate_identifier,
             coalesce(convert_from(payload, 'UTF8')::jsonb ->> 'organizationId',
                      convert_from(meta_data, 'UTF8')::jsonb ->> 'organizationId') AS organization_id
      FROM axon.domain_event_entry
      WHERE sequence_number = 0
        AND aggregate_identifier ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$') first
WHERE organization_id ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
ON CONFLICT (aggregate_id) DO NOTHING;
