-- Organization API keys: only a SHA-256 hash of each secret is stored. Written on the command side in the same
-- transaction as the ApiKeyIssuedEvent; read by the authentication filter of every application.
CREATE SCHEMA IF NOT EXISTS auth;

CREATE TABLE auth.api_key (
    api_key_id      UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    key_hash        CHAR(64)     NOT NULL,
    access          VARCHAR(32)  NOT NULL,
    issued_at       TIMESTAMPTZ  NOT NULL,
    revoked_at      TIMESTAMPTZ,
    CONSTRAINT api_key_pk PRIMARY KEY (api_key_id),
    CONSTRAINT api_key_hash_uk UNIQUE (key_hash)
);
CREATE INDEX api_key_organization_idx ON auth.api_key (organization_id);
