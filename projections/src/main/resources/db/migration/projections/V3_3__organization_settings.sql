-- An organization's settings: a JSON object owned by the organization (timezone, locale, ...).
ALTER TABLE identity.organization ADD COLUMN settings JSONB NOT NULL DEFAULT '{}'::jsonb;
