-- A person's timeline (processing group "timeline"): one row per event that concerns a person, across domains. Every
-- value comes from the event, its metadata (actor, correlation id), its timestamp and its position in the event
-- stream, so a replay rebuilds the same rows.
CREATE SCHEMA IF NOT EXISTS system;

-- Keyed by the event's identifier and the person it concerns: an event may concern two persons (a deal handed from
-- one to another, an association between two persons' records). occurred_at is the event's timestamp;
-- event_position its global index in the event stream, which orders events of the same instant as they were stored.
-- details holds the event's relevant fields (amounts as {amount, currency} with decimal strings, ids, codes).
CREATE TABLE system.timeline_entry (
    event_id        VARCHAR(255) NOT NULL,
    person_id       UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    event_position  BIGINT       NOT NULL,
    category        TEXT         NOT NULL,
    type            TEXT         NOT NULL,
    aggregate_id    UUID         NOT NULL,
    summary         TEXT         NOT NULL,
    details         JSONB        NOT NULL,
    actor           TEXT,
    correlation_id  TEXT,
    CONSTRAINT timeline_entry_pk PRIMARY KEY (event_id, person_id),
    CONSTRAINT timeline_entry_category_ck CHECK (category IN ('person', 'customer', 'contact', 'address', 'order',
                                                              'deal', 'activity', 'record'))
);
-- GET /persons/{id}/timeline newest first, by person (with merged persons)
CREATE INDEX timeline_entry_person_idx ON system.timeline_entry (person_id, occurred_at DESC, event_position DESC);

-- What later events need to know of earlier ones and do not carry themselves, learnt from the events this group
-- handles (never from another group's tables): the person a record, deal or activity belongs to, and the names a
-- summary shows (a person's, a deal's, a record's display name, a pipeline stage's). version is the sequence number
-- of the aggregate's event that wrote the row last.
CREATE TABLE system.timeline_subject (
    id              UUID   NOT NULL,
    organization_id UUID   NOT NULL,
    kind            TEXT   NOT NULL,
    person_id       UUID,
    name            TEXT,
    subtype         TEXT,
    version         BIGINT NOT NULL,
    CONSTRAINT timeline_subject_pk PRIMARY KEY (id),
    CONSTRAINT timeline_subject_kind_ck CHECK (kind IN ('person', 'deal', 'activity', 'record', 'stage'))
);
