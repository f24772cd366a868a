package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17, finding 5: the key, what the command did and the kept answer commit together. Before, the key row, the
 * command and the answer committed separately: a failure after the command had committed released the key, and the
 * retry ran the command again (a second person).
 */
class IdempotencyIsAtomicWithTheCommandTest extends StandaloneTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private DataSource dataSource;
    private TestOrganization organization;

    @BeforeEach
    void anOrganization() {
        organization = api.createOrganization("Atomic Retries GmbH");
    }

    @Test
    void anAnswerThatCannotBeKeptLeavesNoWriteAndTheRetryRunsOnce() {
        String key = "unkeepable-" + UUID.randomUUID();
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION system.test_refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.state = 'completed' AND NEW.idempotency_key LIKE 'unkeepable-%' THEN
                        RAISE EXCEPTION 'the answer cannot be kept (test fault)';
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("""
                CREATE TRIGGER test_refuse_answer BEFORE INSERT OR UPDATE ON system.idempotency_key
                FOR EACH ROW EXECUTE FUNCTION system.test_refuse_answer()""");
        Api.Response failed;
        try {
            failed = create(key, "grace@atomic.example");
        } finally {
            jdbc.execute("DROP TRIGGER test_refuse_answer ON system.idempotency_key");
            jdbc.execute("DROP FUNCTION system.test_refuse_answer()");
        }
        assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
        assertThat(failed.body().path("code").asText()).isEqualTo("not_committed");
        assertThat(failed.header("Retry-After")).isEqualTo("1");
        assertThat(personsCreatedIn(organization.id())).as("the command of the failed request").isZero();

        Api.Response retry = create(key, "grace@atomic.example");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(create(key, "grace@atomic.example").header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(personsCreatedIn(organization.id())).isEqualTo(1);
    }

    @Test
    void aRequestWhoseConnectionIsKilledChangesNothingAndItsRetryRunsOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        CompletableFuture<Api.Response> original;
        try (Connection blocker = dataSource.getConnection(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            // the e-mail claim of the creation waits for this lock
            statement.execute("LOCK TABLE identity.person_email_lookup IN ACCESS EXCLUSIVE MODE");
            original = CompletableFuture.supplyAsync(() -> create(key, "hedy@atomic.example"));
            Integer backend = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.query("""
                            SELECT pid FROM pg_stat_activity
                            WHERE wait_event_type = 'Lock' AND query LIKE '%person_email_lookup%'
                              AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory')""",
                    (row, index) -> row.getInt("pid")).stream().findFirst().orElse(null), pid -> pid != null);

            Api.Response whileRunning = create(key, "hedy@atomic.example");
            assertThat(whileRunning.status()).as(whileRunning.toString()).isEqualTo(409);
            assertThat(whileRunning.body().path("code").asText()).isEqualTo("idempotency_request_in_flight");

            jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, backend);
            blocker.rollback();
        }
        Api.Response killed = original.get();
        assertThat(killed.status()).as(killed.toString()).isGreaterThanOrEqualTo(500);
        assertThat(personsCreatedIn(organization.id())).isZero();

        Api.Response retry = create(key, "hedy@atomic.example");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(create(key, "hedy@atomic.example").header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(personsCreatedIn(organization.id())).isEqualTo(1);
    }

    @Test
    void concurrentIdempotentWritesToOneAggregateAllLandInOrder() throws Exception {
        UUID person = api.createPerson(organization, "ida@atomic.example", "Ida", "Noddack");
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(writers);
        List<Api.Response> answers = new ArrayList<>();
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "Ida" + i;
                futures.add(clients.submit(() -> {
                    start.await();
                    return api.send("PATCH", "/api/v1/persons/" + person, organization.apiKey(),
                            "application/merge-patch+json", Map.of("firstName", name),
                            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                }));
            }
            start.countDown();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(answers).extracting(answer -> answer.body().path("version").asLong())
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(jdbc.queryForList("""
                        SELECT sequence_number FROM axon.domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number""", Long.class, person.toString()))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }

    private Api.Response create(String key, String email) {
        return api.send("POST", "/api/v1/persons", organization.apiKey(), "application/json",
                Map.of("email", email, "firstName", "Test", "lastName", "Person"), Map.of("Idempotency-Key", key));
    }
}
