-- Which team belongs to which organization, written with the team's creation (a subscribing processor): a record
-- may only name a team of its organization, and an organization has a bounded number of teams.
CREATE TABLE identity.team_lookup (
    team_id         UUID NOT NULL,
    organization_id UUID NOT NULL,
    CONSTRAINT team_lookup_pk PRIMARY KEY (team_id)
);
CREATE INDEX team_lookup_organization_idx ON identity.team_lookup (organization_id);

-- The teams created before this table existed (none when the events live in Axon Server, which only a new
-- installation uses). No statement timeout: it reads every TeamCreatedEvent once.
SET LOCAL statement_timeout = 0;
INSERT INTO identity.team_lookup (team_id, organization_id)
SELECT cast(payload ->> 'teamId' AS uuid), cast(payload ->> 'organizationId' AS uuid)
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS payload
      FROM axon.domain_event_entry
      WHERE payload_type = 'io.unifiedcrm.identity.team.api.TeamCreatedEvent') created
ON CONFLICT (team_id) DO NOTHING;
