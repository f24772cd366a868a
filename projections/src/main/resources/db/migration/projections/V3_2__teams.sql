-- Teams and their members (processing group "identity").
CREATE TABLE identity.team (
    id              UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    name            TEXT        NOT NULL,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT team_pk PRIMARY KEY (id)
);
CREATE INDEX team_org_created_idx ON identity.team (organization_id, created_at, id);

CREATE TABLE identity.team_member (
    team_id   UUID NOT NULL REFERENCES identity.team (id) ON DELETE CASCADE,
    person_id UUID NOT NULL,
    CONSTRAINT team_member_pk PRIMARY KEY (team_id, person_id)
);
