-- Idempotency keys of mutations: a retried request with the same key and body gets the stored answer instead of
-- running again. Scoped to the caller's organization (or the platform admin) and the route; kept 24 hours.
CREATE SCHEMA IF NOT EXISTS system;

CREATE TABLE system.idempotency_key (
    scope               TEXT        NOT NULL,
    route               TEXT        NOT NULL,
    idempotency_key     TEXT        NOT NULL,
    request_fingerprint CHAR(64)    NOT NULL,
    state               TEXT        NOT NULL,
    response_status     INTEGER,
    response_headers    TEXT,
    response_body       BYTEA,
    created_at          TIMESTAMPTZ NOT NULL,
    completed_at        TIMESTAMPTZ,
    CONSTRAINT idempotency_key_pk PRIMARY KEY (scope, route, idempotency_key),
    CONSTRAINT idempotency_key_state_ck CHECK (state IN ('in_flight', 'completed'))
);
CREATE INDEX idempotency_key_created_idx ON system.idempotency_key (created_at);
