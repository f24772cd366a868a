package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, finding 13: an expensive read is bounded in time and in how many of one organization's run at once, so
 * that one tenant's reads cannot hold the connections the others need.
 */
class CostBasedLimitsTest extends StandaloneTest {

    @Autowired
    private DataSource dataSource;
    private TestOrganization organization;
    private UUID person;

    @BeforeEach
    void aPerson() {
        organization = api.createOrganization("Costly Reads GmbH");
        person = api.createPerson(organization, "ada@costly-reads.example", "Ada", "Lovelace");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/persons/" + person, organization.apiKey()).status() == 200);
    }

    @Test
    void aReadStuckPastItsStatementTimeoutIsA503() throws Exception {
        try (Connection rebuild = dataSource.getConnection(); Statement statement = rebuild.createStatement()) {
            rebuild.setAutoCommit(false);
            statement.execute("LOCK TABLE identity.person IN ACCESS EXCLUSIVE MODE");

            Response stuck = api.get("/api/v1/persons/" + person, organization.apiKey());

            rebuild.rollback();
            assertThat(stuck.status()).as(stuck.toString()).isEqualTo(503);
            assertThat(stuck.body().path("code").asText()).isEqualTo("statement_timeout");
            assertThat(stuck.header("Retry-After")).isEqualTo("1");
        }
        assertThat(api.get("/api/v1/persons/" + person, organization.apiKey()).status()).isEqualTo(200);
    }

    @Test
    void anOrganizationRunsAtMostFourSearchesAtOnce() throws Exception {
        List<CompletableFuture<Response>> running = new ArrayList<>();
        try (Connection rebuild = dataSource.getConnection(); Statement statement = rebuild.createStatement()) {
            rebuild.setAutoCommit(false);
            statement.execute("LOCK TABLE system.search_document IN ACCESS EXCLUSIVE MODE");
            for (int search = 0; search < 4; search++) {
                running.add(CompletableFuture.supplyAsync(() -> search()));
            }
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(10)).until(() ->
                    jdbc.queryForObject("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE wait_event_type = 'Lock' AND query LIKE '%search_document%'""", Long.class) == 4);

            Response fifth = search();

            assertThat(fifth.status()).as(fifth.toString()).isEqualTo(429);
            assertThat(fifth.body().path("code").asText()).isEqualTo("too_many_concurrent_requests");
            rebuild.rollback();
        }
        for (CompletableFuture<Response> search : running) {
            assertThat(search.get().status()).as(search.get().toString()).isEqualTo(200);
        }
        assertThat(search().status()).as("the places are given back").isEqualTo(200);
    }

    private Response search() {
        return api.get("/api/v1/search?q=ada", organization.apiKey());
    }
}
