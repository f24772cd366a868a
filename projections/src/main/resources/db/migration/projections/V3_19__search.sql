-- Cross-entity search (processing group "search"): one document per person, company, product, deal and custom record
-- of a type with the search feature. pg_trgm (trigram matching: prefixes and typos) and unaccent ship with PostgreSQL
-- (contrib; the embedded PostgreSQL 17 has both) and are trusted extensions: the database owner may create them.
CREATE SCHEMA IF NOT EXISTS system;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The text a document is found by: its fields, in order of importance, each [{"field", "text", "weight"}] with weight
-- A (identifiers: names, e-mail, SKU, domain) or B (secondary text). A pure function of the fields (and of the
-- installation's unaccent rules), like search_fold below: a replay writes the same vector and text.
CREATE FUNCTION system.search_vector(fields JSONB) RETURNS TSVECTOR
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT setweight(to_tsvector('simple', unaccent(coalesce(string_agg(f ->> 'text', ' ' ORDER BY n)
                                                             FILTER (WHERE f ->> 'weight' = 'A'), ''))), 'A')
       || setweight(to_tsvector('simple', unaccent(coalesce(string_agg(f ->> 'text', ' ' ORDER BY n)
                                                                FILTER (WHERE f ->> 'weight' <> 'A'), ''))), 'B')
FROM jsonb_array_elements(fields) WITH ORDINALITY AS e(f, n)
$$;

-- Lower case without accents, at most 500 characters: the names a query is compared with by trigram similarity.
CREATE FUNCTION system.search_fold(value TEXT) RETURNS TEXT
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT left(lower(unaccent(coalesce(value, ''))), 500)
$$;

-- type: person, company (a record of the system type company), product, deal or record. status: active (found);
-- archived, deleted (a record, its content cleared), merged (a person merged into another: the survivor holds its
-- e-mail addresses as secondary ones) or unsearchable (a record of a type without the search feature) are never found.
-- source: the state of the entity the document is built from (this group reads no other group's tables); version:
-- the entity's aggregate sequence number of the last event applied. search_text: the folded names (a person's names,
-- a company's, product's or deal's name, a record's display name) for typo-tolerant matching; e-mail addresses and
-- SKUs are found by prefix and exactly, not by similarity (long identifiers would make every similar one a candidate).
CREATE TABLE system.search_document (
    type            TEXT     NOT NULL,
    id              UUID     NOT NULL,
    organization_id UUID     NOT NULL,
    object_type     TEXT,
    status          TEXT     NOT NULL,
    title           TEXT     NOT NULL,
    subtitle        TEXT,
    fields          JSONB    NOT NULL,
    document        TSVECTOR NOT NULL,
    search_text     TEXT     NOT NULL,
    exact_keys      TEXT[]   NOT NULL,
    source          JSONB    NOT NULL,
    version         BIGINT   NOT NULL,
    CONSTRAINT search_document_pk PRIMARY KEY (type, id)
);
CREATE INDEX search_document_vector_idx ON system.search_document USING GIN (document) WHERE status = 'active';
CREATE INDEX search_document_trigram_idx ON system.search_document USING GIN (search_text gin_trgm_ops)
    WHERE status = 'active';
CREATE INDEX search_document_exact_idx ON system.search_document USING GIN (exact_keys) WHERE status = 'active';
CREATE INDEX search_document_object_type_idx ON system.search_document (organization_id, object_type, id)
    WHERE object_type IS NOT NULL;

-- What this group needs of each object type: whether its records are searchable, its display property and the string
-- properties its schema (the version in force) declares. A change re-indexes the type's records.
CREATE TABLE system.search_object_type (
    definition_id     UUID    NOT NULL,
    organization_id   UUID    NOT NULL,
    name              TEXT    NOT NULL,
    searchable        BOOLEAN NOT NULL,
    display_property  TEXT    NOT NULL,
    string_properties JSONB   NOT NULL,
    version           BIGINT  NOT NULL,
    CONSTRAINT search_object_type_pk PRIMARY KEY (definition_id),
    CONSTRAINT search_object_type_name_uq UNIQUE (organization_id, name)
);
