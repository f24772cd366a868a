-- Issue 17, finding 10: a read-write API key no longer manages API keys; an admin key does. The key issued with each
-- organization (its ApiKeyIssuedEvent at sequence number 1, right after the creation) becomes an admin key, as the
-- upcaster FirstApiKeyIsAdmin reads its event. Reads every ApiKeyIssuedEvent once: no statement timeout.
SET LOCAL statement_timeout = 0;
UPDATE auth.api_key SET access = 'ADMIN'
WHERE access = 'READ_WRITE'
  AND api_key_id IN (
      SELECT cast(convert_from(payload, 'UTF8')::jsonb ->> 'apiKeyId' AS uuid)
      FROM axon.domain_event_entry
      WHERE payload_type = 'io.unifiedcrm.identity.organization.api.ApiKeyIssuedEvent' AND sequence_number = 1);
