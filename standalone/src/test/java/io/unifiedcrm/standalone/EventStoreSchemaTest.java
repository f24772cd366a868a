package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.standalone.Api.TestOrganization;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.unifiedcrm.infrastructure.axon.EventPosition;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The event store in PostgreSQL: bytea everywhere, readable JSON payloads, a gap-free global index sequence. */
class EventStoreSchemaTest extends StandaloneTest {

    @Autowired
    private EventStorageEngine storageEngine;

    @Autowired
    private EventStore eventStore;

    @Test
    void noColumnAnywhereIsALargeObjectOid() {
        List<String> oidColumns = jdbc.queryForList("""
                SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
                WHERE data_type = 'oid' AND table_schema NOT IN ('pg_catalog', 'information_schema')""",
                String.class);
        assertThat(oidColumns).isEmpty();
    }

    @Test
    void axonsSerializedColumnsAreBytea() {
        List<String> serializedColumns = jdbc.queryForList("""
                SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
                WHERE table_schema = 'axon'
                  AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')
                ORDER BY 1""", String.class);
        assertThat(serializedColumns).containsExactly(
                "dead_letter_entry.diagnostics:bytea", "dead_letter_entry.meta_data:bytea",
                "dead_letter_entry.payload:bytea", "dead_letter_entry.token:bytea",
                "domain_event_entry.meta_data:bytea", "domain_event_entry.payload:bytea",
                "saga_entry.serialized_saga:bytea",
                "snapshot_event_entry.meta_data:bytea", "snapshot_event_entry.payload:bytea",
                "token_entry.token:bytea");
    }

    @Test
    void theGlobalIndexHasItsOwnSequenceWithIncrementOne() {
        Map<String, Object> sequence = jdbc.queryForMap("""
                SELECT pg_get_serial_sequence('axon.domain_event_entry', 'global_index') AS name,
                       s.increment_by, s.cache_size
                FROM pg_sequences s
                WHERE s.schemaname || '.' || s.sequencename
                      = pg_get_serial_sequence('axon.domain_event_entry', 'global_index')""");
        assertThat(sequence.get("name")).isEqualTo("axon.domain_event_entry_global_index_seq");
        assertThat(sequence.get("increment_by")).isEqualTo(1L);
        assertThat(sequence.get("cache_size")).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT to_regclass('public.hibernate_sequence')", String.class)).isNull();
    }

    @Test
    void writersCannotHoldAGlobalIndexAsLongAsTheProcessorsWaitForIt() {
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("1min");
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("1min");
        assertThat(storageEngine).hasFieldOrPropertyWithValue("gapTimeout", 300_000)
                .hasFieldOrPropertyWithValue("maxGapOffset", 1_000_000);
    }

    @Test
    void eventsAreStoredByAxonsJdbcEngineAsReadableJsonWithAuditMetadata() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        TestOrganization organization = api.createOrganization("Readable Events");
        UUID personId = api.createPerson(organization, "ada@readable.example", "Ada", "Lovelace");

        Map<String, Object> event = jdbc.queryForMap("""
                SELECT payload_type, payload_revision, sequence_number,
                       convert_from(payload, 'UTF8')::jsonb AS payload,
                       convert_from(meta_data, 'UTF8')::jsonb AS meta_data
                FROM axon.domain_event_entry WHERE aggregate_identifier = ?""", personId.toString());
        assertThat(event.get("payload_type")).isEqualTo("io.unifiedcrm.identity.person.api.PersonCreatedEvent");
        assertThat(event.get("payload_revision")).isEqualTo("1");
        assertThat(event.get("sequence_number")).isEqualTo(0L);
        assertThat(event.get("payload").toString())
                .contains("\"email\": \"ada@readable.example\"")
                .contains("\"organizationId\": \"" + organization.id() + "\"");
        assertThat(jdbc.queryForObject("""
                        SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'organizationId'
                        FROM axon.domain_event_entry WHERE aggregate_identifier = ?""",
                String.class, personId.toString())).isEqualTo(organization.id().toString());
        assertThat(event.get("meta_data").toString())
                .contains("\"actor\": \"apiKey:")
                .contains("\"correlationId\"")
                .contains("\"causationId\"");
    }

    @Test
    void anAggregatesHistoryReadThroughTheEventStoreCarriesEachEventsGlobalIndex() {
        TestOrganization organization = api.createOrganization("Positioned Events");
        UUID personId = api.createPerson(organization, "ada@positioned.example", "Ada", "Lovelace");
        assertThat(api.patch("/api/v1/persons/" + personId, organization.apiKey(),
                Map.of("lastName", "King")).status()).isEqualTo(200);

        List<Long> positions = eventStore.readEvents(personId.toString()).asStream()
                .map(event -> event instanceof TrackedEventMessage<?> tracked ? EventPosition.of(tracked) : -1L)
                .toList();

        assertThat(positions).as("what as-of reads order several aggregates' events by").isEqualTo(jdbc.queryForList(
                "SELECT global_index FROM axon.domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number", Long.class, personId.toString()));
    }

    @Test
    void aSecondWriterOfTheSameSequenceNumberLosesWithAConcurrencyException() {
        TestOrganization organization = api.createOrganization("Racing Writers");
        UUID personId = api.createPerson(organization, "ada@racing.example", "Ada", "Lovelace");
        assertThat(api.patch("/api/v1/persons/" + personId, organization.apiKey(),
                Map.of("lastName", "King")).status()).isEqualTo(200);
        // what a second command-side instance would append for the same aggregate at the same moment
        var duplicate = new org.axonframework.eventhandling.GenericDomainEventMessage<>("Person", personId.toString(),
                1L, new io.unifiedcrm.identity.person.api.PersonNameChangedEvent(personId, organization.id(), "Ada",
                "Byron"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> storageEngine.appendEvents(duplicate))
                .isInstanceOf(org.axonframework.modelling.command.ConcurrencyException.class);
    }

    @Test
    void tokensAreReadableJsonToo() {
        TestOrganization organization = api.createOrganization("Readable Tokens");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/organizations/" + organization.id(), organization.apiKey()).status() == 200);
        List<String> tokens = jdbc.queryForList(
                "SELECT convert_from(token, 'UTF8') FROM axon.token_entry WHERE token IS NOT NULL", String.class);
        assertThat(tokens).isNotEmpty().allSatisfy(token -> assertThat(token).startsWith("{"));
    }

    @Test
    void apiKeysAreStoredOnlyAsHashes() {
        TestOrganization organization = api.createOrganization("Hashed Keys");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM auth.api_key WHERE key_hash = ?", Long.class,
                organization.apiKey())).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM auth.api_key WHERE organization_id = ?", Long.class,
                organization.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM axon.domain_event_entry WHERE position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class, organization.apiKey())).isZero();
    }
}
