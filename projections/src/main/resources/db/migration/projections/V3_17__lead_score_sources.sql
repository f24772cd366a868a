-- A lead score entry is keyed by what earned the points: an event, or — for what earns points once however often it
-- changes (a deal, a connected call, a meeting) — that thing ("deal:<id>"). The column says so now.
ALTER TABLE identity.lead_score_entry RENAME COLUMN event_id TO source_id;
ALTER TABLE identity.lead_score_entry RENAME CONSTRAINT lead_score_entry_pk TO lead_score_entry_source_pk;
