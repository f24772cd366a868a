-- Set-based validation for the platform object model, written by the command side in the transaction of the events
-- (subscribing processors): object type names per organization, which record has which type, the values of
-- unique properties, and which records are associated (to clean up when a record is deleted).
CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE platform.object_type_lookup (
    organization_id UUID NOT NULL,
    name            TEXT NOT NULL,
    definition_id   UUID NOT NULL,
    CONSTRAINT object_type_lookup_pk PRIMARY KEY (organization_id, name)
);

CREATE TABLE platform.record_lookup (
    record_id       UUID NOT NULL,
    organization_id UUID NOT NULL,
    object_type     TEXT NOT NULL,
    CONSTRAINT record_lookup_pk PRIMARY KEY (record_id)
);

CREATE TABLE platform.record_unique_value (
    organization_id UUID NOT NULL,
    object_type     TEXT NOT NULL,
    value           TEXT NOT NULL,
    record_id       UUID NOT NULL,
    CONSTRAINT record_unique_value_pk PRIMARY KEY (organization_id, object_type, value)
);

CREATE TABLE platform.record_association_lookup (
    from_record_id  UUID NOT NULL,
    to_record_id    UUID NOT NULL,
    label           TEXT NOT NULL,
    organization_id UUID NOT NULL,
    CONSTRAINT record_association_lookup_pk PRIMARY KEY (from_record_id, to_record_id, label)
);
CREATE INDEX record_association_lookup_to_idx ON platform.record_association_lookup (to_record_id);
