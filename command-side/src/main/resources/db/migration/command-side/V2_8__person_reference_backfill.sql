-- The references of the events stored before this table existed (empty when the events live in Axon Server, which
-- only a new installation uses): the same rows the handlers write, from the stored payloads. Running it again adds
-- what is missing and changes nothing else. It reads every event of those types once, which can take longer than the
-- connections' statement timeout on a large store: none for this migration's transaction.
SET LOCAL statement_timeout = 0;
INSERT INTO identity.person_reference (organization_id, person_id, kind, referrer_id, first_at)
SELECT organization_id, person_id, kind, referrer_id, min(at)
FROM (
    SELECT cast(payload ->> 'organizationId' AS uuid) AS organization_id,
           cast(CASE WHEN payload_type LIKE '%.PersonMergedIntoEvent' THEN payload ->> 'survivorId'
                     WHEN payload_type LIKE '%.Address%' THEN payload ->> 'entityId'
                     ELSE payload ->> 'personId' END AS uuid) AS person_id,
           CASE WHEN payload_type LIKE '%.PersonMergedIntoEvent' THEN 'merged' ELSE 'aggregate' END AS kind,
           cast(aggregate_identifier AS uuid) AS referrer_id,
           at
    FROM (
        SELECT payload_type, aggregate_identifier, cast(time_stamp AS timestamptz) AS at,
               convert_from(payload, 'UTF8')::jsonb AS payload
        FROM axon.domain_event_entry
        WHERE payload_type IN ('io.unifiedcrm.identity.person.api.PersonMergedIntoEvent',
                               'io.unifiedcrm.commerce.order.api.OrderCreatedEvent',
                               'io.unifiedcrm.crm.deal.api.DealCreatedEvent',
                               'io.unifiedcrm.crm.deal.api.DealChangedEvent',
                               'io.unifiedcrm.crm.activity.api.ActivityCreatedEvent',
                               'io.unifiedcrm.crm.activity.api.ActivityChangedEvent',
                               'io.unifiedcrm.address.api.AddressAddedEvent',
                               'io.unifiedcrm.address.api.AddressChangedEvent')
    ) event
    WHERE payload_type NOT LIKE '%.Address%' OR payload ->> 'entityType' = 'person'
) reference
WHERE person_id IS NOT NULL
GROUP BY organization_id, person_id, kind, referrer_id
ON CONFLICT DO NOTHING;
