-- A counter that moves in the same transaction as every change to a stored API key (a revocation, or a row
-- removed), whoever makes it: the credentials registry or an operator in SQL. Each application caches the keys it
-- has looked up and reads this counter about twice a second: when it has moved, it forgets them all, so a
-- revocation committed anywhere takes effect on every instance promptly. New keys need no signal: unknown keys are
-- never cached.
CREATE TABLE auth.api_key_revision (
    revision BIGINT NOT NULL
);
CREATE UNIQUE INDEX api_key_revision_one_row ON auth.api_key_revision ((true));
INSERT INTO auth.api_key_revision (revision) VALUES (0);

CREATE FUNCTION auth.next_api_key_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE auth.api_key_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER api_key_changed AFTER UPDATE OR DELETE OR TRUNCATE ON auth.api_key
    FOR EACH STATEMENT EXECUTE FUNCTION auth.next_api_key_revision();
