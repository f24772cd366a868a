package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The projection admin status: segments and their owners, position and lag, replay progress. */
class ProjectionStatusTest extends StandaloneTest {

    private static final long STALL_LOCK = 7_310_001L;

    @Autowired
    private DataSource dataSource;

    @Test
    void everyProjectionShowsItsSegmentsWithTheirOwnerPositionAndLag() {
        TestOrganization organization = api.createOrganization("Status GmbH");
        api.createPerson(organization, "ada@status.example", "Ada", "Lovelace");
        long head = head();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode identity = api.get("/api/v1/admin/projections/identity", api.adminKey()).body();
            assertThat(identity.get("position").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(identity.get("lag").asLong()).isZero();
            assertThat(identity.get("lagMillis").asLong()).isZero();
        });
        JsonNode identity = api.get("/api/v1/admin/projections/identity", api.adminKey()).body();
        assertThat(identity.get("running").asBoolean()).isTrue();
        assertThat(identity.get("error").asBoolean()).isFalse();
        assertThat(identity.get("errorMessage").isNull()).isTrue();
        assertThat(identity.get("replay").isNull()).isTrue();
        List<JsonNode> segments = list(identity.get("segments"));
        assertThat(segments).hasSize(2);
        List<String> owners = jdbc.queryForList("""
                SELECT owner FROM axon.token_entry WHERE processor_name = 'identity' ORDER BY segment""", String.class);
        for (int segment = 0; segment < segments.size(); segment++) {
            JsonNode status = segments.get(segment);
            assertThat(status.get("segment").asInt()).isEqualTo(segment);
            assertThat(status.get("owner").asText()).as("the token store's owner").isEqualTo(owners.get(segment))
                    .isNotBlank();
            assertThat(status.get("processedHere").asBoolean()).isTrue();
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(identity.get("position").asLong());
        }

        JsonNode all = api.get("/api/v1/admin/projections?limit=100", api.adminKey()).body();
        assertThat(list(all.get("items")).stream().map(item -> item.get("name").asText()))
                .contains("identity", "addresses", "commerce", "crm", "platform", "timeline", "search");
        assertThat(list(all.get("items"))).allSatisfy(item -> assertThat(item.get("segments")).isNotEmpty());
    }

    /**
     * A replay held up at this test's organization (a trigger waits for a lock the test holds) shows that it is
     * replaying, up to which position, how far it is, and the lag in events and time; once done, no replay.
     */
    @Test
    void aReplayShowsItsProgressRateAndRemainingTimeWhileItRuns() throws Exception {
        TestOrganization organization = api.createOrganization("Replay progress GmbH");
        for (int person = 0; person < 3; person++) {
            api.createPerson(organization, "p" + person + "@progress.example", "P" + person, "Progress");
        }
        long head = head();
        // the live rows committed (a position can be reported a moment before its batch is visible)
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/admin/projections/timeline",
                api.adminKey()).body().get("position").asLong() >= head && jdbc.queryForObject(
                "SELECT count(*) FROM system.timeline_entry WHERE organization_id = ?", Long.class,
                organization.id()) >= 3);

        try (Connection holder = dataSource.getConnection(); Statement statements = holder.createStatement()) {
            statements.execute("SELECT pg_advisory_lock(" + STALL_LOCK + ")");
            statements.execute("""
                    CREATE FUNCTION system.test_stall_timeline() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_advisory_lock_shared(%d); PERFORM pg_advisory_unlock_shared(%d); RETURN NEW; END $$
                    """.formatted(STALL_LOCK, STALL_LOCK));
            statements.execute("""
                    CREATE TRIGGER test_stall_timeline BEFORE INSERT ON system.timeline_entry FOR EACH ROW
                    WHEN (NEW.organization_id = '%s') EXECUTE FUNCTION system.test_stall_timeline()"""
                    .formatted(organization.id()));
            try {
                assertThat(api.post("/api/v1/admin/projections/timeline/replay", api.adminKey(), null).status())
                        .isEqualTo(202);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    JsonNode status = api.get("/api/v1/admin/projections/timeline", api.adminKey()).body();
                    assertThat(status.get("replaying").asBoolean()).as(status.toString()).isTrue();
                    JsonNode replay = status.get("replay");
                    assertThat(replay.get("resetPosition").asLong()).isGreaterThanOrEqualTo(head);
                    // how far it got before the lock depends on the events before this organization (batches of
                    // 500 commit their position); ReplayObservationsTest checks the arithmetic
                    assertThat(replay.get("percent").asDouble()).isGreaterThanOrEqualTo(0).isLessThan(100);
                    assertThat(replay.has("eventsPerSecond")).isTrue();
                    assertThat(replay.has("etaSeconds")).isTrue();
                    assertThat(status.get("lag").asLong()).isPositive();
                    assertThat(status.get("lagMillis").asLong()).isPositive();
                    assertThat(status.get("position").asLong()).isLessThan(head);
                });
            } finally {
                statements.execute("SELECT pg_advisory_unlock(" + STALL_LOCK + ")");
                statements.execute("DROP TRIGGER test_stall_timeline ON system.timeline_entry");
                statements.execute("DROP FUNCTION system.test_stall_timeline()");
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = api.get("/api/v1/admin/projections/timeline", api.adminKey()).body();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("replay").isNull()).isTrue();
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(head);
        });
    }

    /**
     * A failure the dead-letter queue cannot take (here its insert fails too) fails the batch: the projection's status
     * shows the error with its cause, health reports the processor failing; once the cause is gone, it recovers.
     */
    @Test
    void aFailingProjectionShowsItsErrorInItsStatusAndInHealth() {
        TestOrganization organization = api.createOrganization("Failing status GmbH");
        UUID person = api.createPerson(organization, "fay@failing.example", "Fay", "Failing");
        await().atMost(Duration.ofSeconds(20)).until(() -> searchTitle(person) != null);
        jdbc.execute("CREATE FUNCTION public.status_poison() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN RAISE EXCEPTION 'status poison'; END $$");
        try {
            jdbc.execute("CREATE TRIGGER status_poison BEFORE UPDATE ON system.search_document FOR EACH ROW "
                    + "WHEN (NEW.id = '" + person + "') EXECUTE FUNCTION public.status_poison()");
            jdbc.execute("CREATE TRIGGER status_poison BEFORE INSERT ON axon.dead_letter_entry FOR EACH ROW "
                    + "WHEN (NEW.aggregate_identifier = '" + person + "') EXECUTE FUNCTION public.status_poison()");
            assertThat(api.patch("/api/v1/persons/" + person, organization.apiKey(), Map.of("firstName", "Faye"))
                    .status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode status = api.get("/api/v1/admin/projections/search", api.adminKey()).body();
                assertThat(status.get("error").asBoolean()).as(status.toString()).isTrue();
                assertThat(status.get("errorMessage").asText()).contains("status poison");
                JsonNode health = api.get("/actuator/health", api.adminKey()).body();
                assertThat(health.get("components").get("eventProcessors").get("details").get("search").asText())
                        .as(health.toString()).isEqualTo("ERROR");
            });
        } finally {
            jdbc.execute("DROP FUNCTION public.status_poison() CASCADE");
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(searchTitle(person)).isEqualTo("Faye Failing");
            JsonNode status = api.get("/api/v1/admin/projections/search", api.adminKey()).body();
            assertThat(status.get("error").asBoolean()).as(status.toString()).isFalse();
        });
    }

    private String searchTitle(UUID id) {
        return jdbc.query("SELECT title FROM system.search_document WHERE id = ?",
                row -> row.next() ? row.getString(1) : null, id);
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM axon.domain_event_entry", Long.class);
    }

    private static List<JsonNode> list(JsonNode array) {
        return new ArrayList<>(StreamSupport.stream(array.spliterator(), false).toList());
    }
}
