package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.standalone.Api.TestOrganization;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A replay's reset empties the projection's tables with TRUNCATE, which needs their exclusive lock; while a
 * transaction reads one of them for longer than the reset waits, the reset deletes the rows instead, and the replay
 * goes on as before.
 */
class ProjectionResetTest extends StandaloneTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void aResetThatCannotTruncateBecauseOfALongReaderDeletesTheRowsInstead() throws Exception {
        TestOrganization organization = api.createOrganization("Long Reader GmbH");
        UUID person = api.createPerson(organization, "ada@reader.example", "Ada", "Reader");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/persons/" + person, organization.apiKey()).status() == 200);
        long fileBefore = file("identity.person");

        try (Connection reader = dataSource.getConnection(); Statement statements = reader.createStatement()) {
            reader.setAutoCommit(false);
            statements.execute("SELECT count(*) FROM identity.person");
            long started = System.nanoTime();

            assertThat(api.post("/api/v1/admin/projections/identity/replay", api.adminKey(), null).status())
                    .isEqualTo(202);

            assertThat((System.nanoTime() - started) / 1e9).as("waited for the lock, then went on").isLessThan(30);
            reader.rollback();
        }
        long head = jdbc.queryForObject("SELECT max(global_index) FROM axon.domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var status = api.get("/api/v1/admin/projections/identity", api.adminKey()).body();
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("position").asLong()).isGreaterThanOrEqualTo(head);
        });
        assertThat(api.get("/api/v1/persons/" + person, organization.apiKey()).status()).isEqualTo(200);
        assertThat(file("identity.person")).as("not truncated: the rows were deleted").isEqualTo(fileBefore);
    }

    private long file(String table) {
        return jdbc.queryForObject("SELECT pg_relation_filenode(cast(? AS regclass))", Long.class, table);
    }
}
