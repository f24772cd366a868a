-- What referred to a person, for the person 360 as of a past instant (GET /persons/{id}?asOf=): the persons merged
-- into it (kind 'merged') and the orders, deals, activities and addresses whose events named it (kind 'aggregate'),
-- each with the timestamp of the first event that did. Written by the command side in the same transaction as those
-- events (processing group person-references) and only ever added to: an asOf read takes the rows up to its instant
-- as candidates and decides from the candidates' own events, read through the event store, what held at the instant.
CREATE TABLE identity.person_reference (
    organization_id UUID        NOT NULL,
    person_id       UUID        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('merged', 'aggregate')),
    referrer_id     UUID        NOT NULL,
    first_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT person_reference_pk PRIMARY KEY (organization_id, person_id, kind, referrer_id)
);
