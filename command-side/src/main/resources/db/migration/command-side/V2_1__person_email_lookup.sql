-- Set-based validation: one person per e-mail address (any case) per organization. Written by the command side in
-- the same transaction as the PersonCreatedEvent; the primary key decides races between concurrent creations.
CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.person_email_lookup (
    organization_id UUID NOT NULL,
    email           TEXT NOT NULL,
    person_id       UUID NOT NULL,
    CONSTRAINT person_email_lookup_pk PRIMARY KEY (organization_id, email)
);
