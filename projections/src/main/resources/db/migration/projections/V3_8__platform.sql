-- Read models of the platform object model (processing group "platform").
CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE platform.object_definition (
    id               UUID        NOT NULL,
    organization_id  UUID        NOT NULL,
    name             TEXT        NOT NULL,
    plural_name      TEXT        NOT NULL,
    schema           JSONB       NOT NULL,
    schema_version   INTEGER     NOT NULL,
    display_property TEXT        NOT NULL,
    icon             TEXT,
    color            TEXT,
    features         JSONB       NOT NULL,
    unique_property  TEXT,
    is_system        BOOLEAN     NOT NULL,
    active           BOOLEAN     NOT NULL,
    version          BIGINT      NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT object_definition_pk PRIMARY KEY (id),
    CONSTRAINT object_definition_name_uq UNIQUE (organization_id, name)
);

CREATE TABLE platform.association_definition (
    definition_id    UUID    NOT NULL,
    organization_id  UUID    NOT NULL,
    from_object_type TEXT    NOT NULL,
    to_object_type   TEXT    NOT NULL,
    label            TEXT    NOT NULL,
    inverse_label    TEXT    NOT NULL,
    max_per_record   INTEGER,
    CONSTRAINT association_definition_pk PRIMARY KEY (definition_id, label)
);

CREATE TABLE platform.record (
    id              UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    object_type     TEXT        NOT NULL,
    definition_id   UUID        NOT NULL,
    schema_version  INTEGER     NOT NULL,
    properties      JSONB       NOT NULL,
    display_name    TEXT,
    person_id       UUID,
    owner_id        UUID,
    team_id         UUID,
    status          TEXT        NOT NULL,
    search          TSVECTOR GENERATED ALWAYS AS (
                        setweight(to_tsvector('simple', coalesce(display_name, '')), 'A')
                        || setweight(jsonb_to_tsvector('simple', properties, '["string", "numeric"]'), 'B')) STORED,
    version         BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT record_pk PRIMARY KEY (id)
);
CREATE INDEX record_org_type_created_idx ON platform.record (organization_id, object_type, created_at, id);
CREATE INDEX record_properties_idx ON platform.record USING GIN (properties jsonb_path_ops);
CREATE INDEX record_search_idx ON platform.record USING GIN (search);
CREATE INDEX record_person_idx ON platform.record (person_id) WHERE person_id IS NOT NULL;

-- An association is stored once, from its source record; reads show it from both ends.
CREATE TABLE platform.association (
    from_record_id   UUID        NOT NULL,
    to_record_id     UUID        NOT NULL,
    label            TEXT        NOT NULL,
    inverse_label    TEXT        NOT NULL,
    organization_id  UUID        NOT NULL,
    from_object_type TEXT        NOT NULL,
    to_object_type   TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT association_pk PRIMARY KEY (from_record_id, to_record_id, label)
);
CREATE INDEX association_to_idx ON platform.association (to_record_id);
