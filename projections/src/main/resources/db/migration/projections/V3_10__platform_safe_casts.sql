-- Record queries compare date and date-time properties as such; a stored text that is not a valid date (written
-- under an older schema version, or a year PostgreSQL cannot hold) must count as missing, not fail the query.
CREATE FUNCTION platform.try_date(value TEXT) RETURNS DATE
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN value::date;
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;

CREATE FUNCTION platform.try_timestamptz(value TEXT) RETURNS TIMESTAMPTZ
    LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN value::timestamptz;
EXCEPTION WHEN others THEN
    RETURN NULL;
END;
$$;
