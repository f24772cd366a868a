-- A key is now written only with its answer, in the request's own transaction (a running request holds an advisory
-- lock instead). Rows left 'in_flight' by the earlier scheme belong to requests that died: their keys are free again,
-- as the earlier scheme's takeover after a minute made them.
DELETE FROM system.idempotency_key WHERE state = 'in_flight';
