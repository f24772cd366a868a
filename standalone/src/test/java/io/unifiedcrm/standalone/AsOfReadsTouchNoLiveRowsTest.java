package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, finding 3: {@code GET /persons/{id}?asOf=} computes its answer in temporary copies of the read models,
 * never writing or locking a live row, and is bounded. Before, it deleted the person's live rows inside a
 * rolled-back transaction: a projection writing one of them waited for it, and a row the projection held made the
 * read wait and fail (503 after 2 s).
 */
class AsOfReadsTouchNoLiveRowsTest extends StandaloneTest {

    /** The test context's bound (StandaloneTest: unifiedcrm.as-of.max-events). */
    private static final int MAX_EVENTS = 100;

    @Autowired
    private DataSource dataSource;
    private TestOrganization organization;
    private UUID person;

    @BeforeEach
    void aPerson() {
        organization = api.createOrganization("As Of Isolation GmbH");
        person = api.createPerson(organization, "lise@asof-isolation.example", "Lise", "Meitner");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM identity.person WHERE id = ?", Long.class, person) == 1);
    }

    @Test
    void anAsOfReadNeitherWaitsForNorLocksTheLiveRowsOfThePerson() throws Exception {
        try (Connection projection = dataSource.getConnection(); Statement statement = projection.createStatement()) {
            projection.setAutoCommit(false);
            // as a projection's batch holds them while it writes
            statement.execute("SELECT * FROM identity.person WHERE id = '" + person + "' FOR UPDATE");
            statement.execute("SELECT * FROM crm.contact WHERE person_id = '" + person + "' FOR UPDATE");

            Response asOf = asOf(Instant.now());

            assertThat(asOf.status()).as(asOf.toString()).isEqualTo(200);
            assertThat(asOf.body().path("firstName").asText()).isEqualTo("Lise");
            projection.rollback();
        }
        assertThat(jdbc.queryForObject("SELECT first_name FROM identity.person WHERE id = ?", String.class, person))
                .isEqualTo("Lise");
    }

    @Test
    void anAsOfReadThatWouldReadMoreEventsThanItsBoundIsA422() {
        for (int change = 0; change < MAX_EVENTS; change++) {
            Response patched = api.send("PATCH", "/api/v1/persons/" + person, organization.apiKey(),
                    "application/merge-patch+json", Map.of("lastName", "Meitner " + change));
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        }

        Response asOf = asOf(Instant.now());

        assertThat(asOf.status()).as(asOf.toString()).isEqualTo(422);
        assertThat(asOf.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(asOf.body().path("code").asText()).isEqualTo("as_of_too_costly");
        assertThat(asOf.body().path("detail").asText()).contains(String.valueOf(MAX_EVENTS));
        // and the document says so: a generated client expects the 422
        assertThat(api.get("/v3/api-docs", null).body().path("paths").path("/api/v1/persons/{personId}")
                .path("get").path("responses").has("422")).isTrue();
    }

    @Test
    void anOrganizationRunsAtMostTwoAsOfReadsAtOnce() throws Exception {
        Instant at = Instant.now();
        List<CompletableFuture<Response>> running;
        try (Connection rebuild = dataSource.getConnection(); Statement statement = rebuild.createStatement()) {
            rebuild.setAutoCommit(false);
            // as a rebuild's switch holds the table: the reads wait to copy it, each holding its place
            statement.execute("LOCK TABLE identity.person IN ACCESS EXCLUSIVE MODE");
            running = List.of(CompletableFuture.supplyAsync(() -> asOf(at)),
                    CompletableFuture.supplyAsync(() -> asOf(at)));
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10)).until(() -> jdbc.queryForObject("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE 'CREATE TEMPORARY TABLE%'""", Long.class) == 2);

            Response third = asOf(at);

            assertThat(third.status()).as(third.toString()).isEqualTo(429);
            assertThat(third.body().path("code").asText()).isEqualTo("too_many_concurrent_requests");
            assertThat(third.header("Retry-After")).isEqualTo("1");
            rebuild.rollback();
        }
        for (CompletableFuture<Response> read : running) {
            assertThat(read.get().status()).as(read.get().toString()).isEqualTo(200);
        }
        assertThat(asOf(at).status()).as("the places are given back").isEqualTo(200);
    }

    private Response asOf(Instant at) {
        return api.get("/api/v1/persons/" + person + "?asOf=" + at, organization.apiKey());
    }
}
