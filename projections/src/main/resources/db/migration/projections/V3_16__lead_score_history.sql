-- The lead score's history (PersonFlagsRulebook version 4): one row per event that earned a person points, keyed by
-- the event's identifier, so a redelivered event earns nothing twice. The effective lead score of a survivor is the
-- sum of the rows of everybody merged into it; the per-person counter own_lead_score is replaced by these rows
-- (a replay of the identity projection rebuilds them from the events).
CREATE TABLE identity.lead_score_entry (
    event_id         VARCHAR(255) NOT NULL,
    person_id        UUID         NOT NULL,
    organization_id  UUID         NOT NULL,
    reason           TEXT         NOT NULL,
    points           INTEGER      NOT NULL,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    rulebook_version TEXT         NOT NULL,
    CONSTRAINT lead_score_entry_pk PRIMARY KEY (event_id, person_id)
);
CREATE INDEX lead_score_entry_person_idx ON identity.lead_score_entry (person_id, occurred_at);

ALTER TABLE identity.person DROP COLUMN own_lead_score;
