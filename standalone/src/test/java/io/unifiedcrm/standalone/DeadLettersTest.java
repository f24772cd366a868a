package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.infrastructure.processing.DeadLetterCounts;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 10, scope 3: a handler that fails on an event dead-letters it instead of skipping it or stalling the
 * projection. The poison is a trigger this test puts on a read-model table, raising only for this test's ids (and
 * dropped in {@code finally}); every letter the test makes is retried or evicted again, so the shared context's
 * other tests see healthy projections and read models that equal a replay.
 */
class DeadLettersTest extends StandaloneTest {

    @Autowired
    private DeadLetterCounts deadLetterCounts;

    @Test
    void everyPooledProcessingGroupHasADeadLetterQueueButSubscribingGroupsAndSagasHaveNone() {
        assertThat(deadLetterCounts.groups()).containsExactly("addresses", "commerce", "crm", "identity", "platform",
                "platform-association-cleanup", "search", "timeline");
    }

    /**
     * identity is sequenced per organization: a poison event parks its organization's sequence (that organization's
     * later identity events wait behind it, in order) while other organizations keep flowing. Person a1's e-mail
     * verification fails in its second statement (the lead score), after its first (the person row) — that first
     * write is rolled back with it. Person c1's rename fails in a Spring Data JPA repository call, which marks the
     * transaction rollback-only; the batch commits all the same.
     */
    @Test
    void aPoisonEventParksItsOrganizationInAPerOrganizationGroupWhileOtherOrganizationsKeepFlowing() {
        TestOrganization orgA = api.createOrganization("Dead Letters A");
        TestOrganization orgB = api.createOrganization("Dead Letters B");
        TestOrganization orgC = api.createOrganization("Dead Letters C");
        UUID a1 = api.createPerson(orgA, "a1@deadletters.example", "Ada", "One");
        UUID a2 = api.createPerson(orgA, "a2@deadletters.example", "Alan", "Two");
        UUID b1 = api.createPerson(orgB, "b1@deadletters.example", "Barbara", "One");
        UUID c1 = api.createPerson(orgC, "c1@deadletters.example", "Charles", "One");
        awaitProjected(orgA, a1);
        awaitProjected(orgA, a2);
        awaitProjected(orgB, b1);
        awaitProjected(orgC, c1);
        String suffix = suffix();
        List<String> triggers = List.of(
                "CREATE TRIGGER dl_poison_" + suffix + " BEFORE INSERT ON identity.lead_score_entry FOR EACH ROW "
                        + "WHEN (NEW.person_id = '" + a1 + "') EXECUTE FUNCTION dl_poison_" + suffix + "()",
                "CREATE TRIGGER dl_poison_" + suffix + " BEFORE UPDATE ON identity.person FOR EACH ROW "
                        + "WHEN (NEW.id = '" + c1 + "') EXECUTE FUNCTION dl_poison_" + suffix + "()");
        try {
            poison(suffix, triggers);

            assertThat(api.post("/api/v1/persons/" + a1 + "/email-verification", orgA.apiKey(), null).status())
                    .isEqualTo(200);
            rename(orgA, a2, "Alonzo");
            rename(orgA, a2, "Alfred");
            rename(orgC, c1, "Carl");
            rename(orgB, b1, "Beatrice");

            // the other organization flows
            await().atMost(Duration.ofSeconds(10)).until(() -> firstNameInReadModel(b1).equals("Beatrice"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<JsonNode> letters = letters("identity");
                assertThat(lettersOf(letters, orgA.id())).hasSize(3);
                assertThat(lettersOf(letters, orgC.id())).hasSize(1);
            });
            List<JsonNode> letters = letters("identity");
            List<JsonNode> ofA = lettersOf(letters, orgA.id());
            JsonNode verification = ofA.get(0);
            assertThat(verification.get("eventType").asText()).endsWith("PersonEmailVerifiedEvent");
            assertThat(verification.get("aggregateId").asText()).isEqualTo(a1.toString());
            assertThat(ofA).extracting(letter -> letter.get("sequenceIndex").asLong()).isSorted()
                    .doesNotHaveDuplicates();
            assertThat(verification.get("cause").get("type").asText()).startsWith("org.springframework.");
            assertThat(verification.get("cause").get("message").asText()).contains("poison " + suffix);
            assertThat(verification.get("diagnostics").get("attempts").asLong()).isEqualTo(1);
            assertThat(verification.get("globalIndex").asLong()).isEqualTo(globalIndexOf(
                    verification.get("eventId").asText()));
            assertThat(verification.get("enqueuedAt").isNull()).isFalse();
            assertThat(ofA.subList(1, 3)).as("a2's renames, parked behind a1's failure, in order")
                    .allSatisfy(parked -> {
                        assertThat(parked.get("aggregateId").asText()).isEqualTo(a2.toString());
                        assertThat(parked.get("cause").isNull()).isTrue();
                    });
            assertThat(ofA.get(1).get("aggregateSequenceNumber").asLong())
                    .isLessThan(ofA.get(2).get("aggregateSequenceNumber").asLong());
            JsonNode renameOfC = lettersOf(letters, orgC.id()).get(0);
            assertThat(renameOfC.get("cause").get("message").asText()).contains("poison " + suffix);

            // nothing of the parked events is in the read model: not even the first statement of the failed one
            assertThat(jdbc.queryForObject("SELECT email_verified FROM identity.person WHERE id = ?", Boolean.class,
                    a1)).isFalse();
            assertThat(jdbc.queryForObject("SELECT version FROM identity.person WHERE id = ?", Long.class, a1))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.lead_score_entry WHERE person_id = ?",
                    Long.class, a1)).isZero();
            assertThat(firstNameInReadModel(a2)).isEqualTo("Alan");
            assertThat(firstNameInReadModel(c1)).isEqualTo("Charles");
            // other processing groups handled the same events
            await().atMost(Duration.ofSeconds(10)).until(() -> searchTitle(a2).contains("Alfred"));

            // metric and health show them
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(deadLetterGauge("identity")).isGreaterThanOrEqualTo(4);
                Response health = api.get("/actuator/health", api.adminKey());
                assertThat(health.status()).isEqualTo(503);
                JsonNode processors = health.body().get("components").get("eventProcessors");
                assertThat(processors.get("status").asText()).isEqualTo("DOWN");
                assertThat(processors.get("details").get("identity").asText()).isEqualTo("DEAD_LETTERS");
                assertThat(processors.get("details").get("deadLetters").get("identity").asLong())
                        .isGreaterThanOrEqualTo(4);
                assertThat(processors.get("details").get("search").asText()).isEqualTo("RUNNING");
                assertThat(api.get("/api/v1/admin/projections/identity", api.adminKey()).body().get("deadLetters")
                        .asLong()).as("the projection's status").isGreaterThanOrEqualTo(4);
            });

            cure(suffix);
            Response retry = api.post("/api/v1/admin/dead-letters/identity/retry", api.adminKey(), null);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
            assertThat(retry.body().get("group").asText()).isEqualTo("identity");
            assertThat(strings(retry.body().get("retried"))).contains(orgA.id().toString(), orgC.id().toString());
            assertThat(strings(retry.body().get("failed"))).isEmpty();
            assertThat(lettersOf(letters("identity"), orgA.id())).isEmpty();
            assertThat(lettersOf(letters("identity"), orgC.id())).isEmpty();

            // applied in order, with everything their handlers write
            assertThat(jdbc.queryForObject("SELECT email_verified FROM identity.person WHERE id = ?", Boolean.class,
                    a1)).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.lead_score_entry WHERE person_id = ?",
                    Long.class, a1)).isEqualTo(1);
            assertThat(firstNameInReadModel(a2)).isEqualTo("Alfred");
            assertThat(firstNameInReadModel(c1)).isEqualTo("Carl");
            // the organization flows again
            rename(orgA, a2, "Albert");
            await().atMost(Duration.ofSeconds(10)).until(() -> firstNameInReadModel(a2).equals("Albert"));
            awaitHealthy();
        } finally {
            cure(suffix);
            evictLeftovers("identity", orgA.id().toString(), orgC.id().toString());
        }
    }

    /**
     * search is sequenced per aggregate for persons: a poison event parks only that person's sequence, while
     * another person of the same organization keeps flowing. A retry that fails again keeps the letter with a new
     * attempt; evicting the failed letter lets the retry apply the rest; evicting a whole sequence lets its new events
     * flow again. Listing pages through the letters.
     */
    @Test
    void aPoisonEventParksOnlyItsAggregateInAPerAggregateGroupAndLettersCanBeRetriedAndEvicted() {
        TestOrganization organization = api.createOrganization("Dead Letters D");
        UUID d1 = api.createPerson(organization, "d1@deadletters.example", "Dora", "One");
        UUID d2 = api.createPerson(organization, "d2@deadletters.example", "Dmitri", "Two");
        UUID d3 = api.createPerson(organization, "d3@deadletters.example", "Dana", "Three");
        awaitProjected(organization, d1);
        awaitProjected(organization, d2);
        awaitProjected(organization, d3);
        await().atMost(Duration.ofSeconds(10)).until(() -> searchTitle(d3).contains("Dana"));
        String suffix = suffix();
        List<String> triggers = List.of("CREATE TRIGGER dl_poison_" + suffix
                + " BEFORE UPDATE ON system.search_document FOR EACH ROW WHEN (NEW.id IN ('" + d1 + "', '" + d3
                + "')) EXECUTE FUNCTION dl_poison_" + suffix + "()");
        try {
            poison(suffix, triggers);
            rename(organization, d1, "Dorothea");
            rename(organization, d1, "Doris");
            rename(organization, d2, "Dmitry");

            await().atMost(Duration.ofSeconds(10)).until(() -> searchTitle(d2).contains("Dmitry"));
            await().atMost(Duration.ofSeconds(10)).until(() -> lettersOfSequence("search", d1).size() == 2);
            // the identity group is not poisoned: it applied both renames
            await().atMost(Duration.ofSeconds(10)).until(() -> firstNameInReadModel(d1).equals("Doris"));
            assertThat(searchTitle(d1)).contains("Dora");
            List<JsonNode> ofD1 = lettersOfSequence("search", d1);
            assertThat(ofD1.get(0).get("cause").get("message").asText()).contains("poison " + suffix);
            assertThat(ofD1.get(0).get("aggregateSequenceNumber").asLong()).isEqualTo(1);
            assertThat(ofD1.get(1).get("cause").isNull()).isTrue();
            assertThat(ofD1.get(1).get("aggregateSequenceNumber").asLong()).isEqualTo(2);

            // keyset paging, one letter a page, in sequence order
            Response first = api.get("/api/v1/admin/dead-letters?group=search&limit=1", api.adminKey());
            assertThat(first.status()).isEqualTo(200);
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                Response page = api.get("/api/v1/admin/dead-letters?group=search&limit=1"
                        + (cursor == null ? "" : "&cursor=" + cursor), api.adminKey());
                assertThat(page.body().get("items")).hasSizeLessThanOrEqualTo(1);
                page.body().get("items").forEach(item -> paged.add(item.get("id").asText()));
                cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asText();
            } while (cursor != null);
            assertThat(paged).containsSubsequence(ofD1.get(0).get("id").asText(), ofD1.get(1).get("id").asText());

            // a retry while the cause persists: the letter stays, with a second attempt
            Response failedRetry = api.post("/api/v1/admin/dead-letters/search/retry?sequence=" + d1,
                    api.adminKey(), null);
            assertThat(failedRetry.status()).as(failedRetry.toString()).isEqualTo(200);
            assertThat(strings(failedRetry.body().get("failed"))).containsExactly(d1.toString());
            assertThat(strings(failedRetry.body().get("retried"))).isEmpty();
            List<JsonNode> afterFailedRetry = lettersOfSequence("search", d1);
            assertThat(afterFailedRetry).hasSize(2);
            assertThat(afterFailedRetry.get(0).get("diagnostics").get("attempts").asLong()).isEqualTo(2);
            assertThat(afterFailedRetry.get(0).get("cause").get("message").asText()).contains("poison " + suffix);
            assertThat(searchTitle(d1)).contains("Dora");

            // evict the failed letter; the one behind it stays parked until retried
            String failedLetter = afterFailedRetry.get(0).get("id").asText();
            assertThat(api.send("DELETE", "/api/v1/admin/dead-letters/search/letters/" + failedLetter,
                    api.adminKey(), null, null).status()).isEqualTo(204);
            assertThat(api.send("DELETE", "/api/v1/admin/dead-letters/search/letters/" + failedLetter,
                    api.adminKey(), null, null).status()).isEqualTo(404);
            assertThat(lettersOfSequence("search", d1)).extracting(letter -> letter.get("id").asText())
                    .containsExactly(afterFailedRetry.get(1).get("id").asText());

            // evict a whole sequence: its new events flow again
            rename(organization, d3, "Daria");
            await().atMost(Duration.ofSeconds(10)).until(() -> lettersOfSequence("search", d3).size() == 1);
            cure(suffix);
            assertThat(api.send("DELETE", "/api/v1/admin/dead-letters/search/sequences/" + d3, api.adminKey(),
                    null, null).status()).isEqualTo(204);
            assertThat(lettersOfSequence("search", d3)).isEmpty();
            rename(organization, d3, "Daphne");
            await().atMost(Duration.ofSeconds(10)).until(() -> searchTitle(d3).contains("Daphne"));

            Response retry = api.post("/api/v1/admin/dead-letters/search/retry?sequence=" + d1, api.adminKey(),
                    null);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
            assertThat(strings(retry.body().get("retried"))).containsExactly(d1.toString());
            assertThat(lettersOfSequence("search", d1)).isEmpty();
            assertThat(searchTitle(d1)).contains("Doris");
            rename(organization, d1, "Dorothy");
            await().atMost(Duration.ofSeconds(10)).until(() -> searchTitle(d1).contains("Dorothy"));
            awaitHealthy();
        } finally {
            cure(suffix);
            evictLeftovers("search", d1.toString(), d3.toString());
        }
    }

    @Test
    void unknownGroupsLettersAndSequencesAreNotFoundAndBadPagingIsRefused() {
        String admin = api.adminKey();
        String missing = UUID.randomUUID().toString();
        assertProblem(api.get("/api/v1/admin/dead-letters?group=no-such-group", admin), 404, "not_found");
        assertProblem(api.get("/api/v1/admin/dead-letters?group=platform-email-registry", admin), 404, "not_found");
        assertProblem(api.get("/api/v1/admin/dead-letters?limit=0", admin), 400, "invalid_limit");
        assertProblem(api.get("/api/v1/admin/dead-letters?limit=201", admin), 400, "invalid_limit");
        assertProblem(api.get("/api/v1/admin/dead-letters?cursor=bm9wZQ", admin), 400, "invalid_cursor");
        assertProblem(api.get("/api/v1/admin/dead-letters?cursor=" + java.util.Base64.getUrlEncoder()
                .withoutPadding().encodeToString("[\"identity\",\"x\",\"one\"]".getBytes()), admin), 400,
                "invalid_cursor");
        assertProblem(api.post("/api/v1/admin/dead-letters/no-such-group/retry", admin, null), 404, "not_found");
        assertProblem(api.post("/api/v1/admin/dead-letters/identity/retry?sequence=" + missing, admin, null), 404,
                "not_found");
        assertProblem(api.send("DELETE", "/api/v1/admin/dead-letters/identity/letters/" + missing, admin, null,
                null), 404, "not_found");
        assertProblem(api.send("DELETE", "/api/v1/admin/dead-letters/no-such-group/letters/" + missing, admin, null,
                null), 404, "not_found");
        assertProblem(api.send("DELETE", "/api/v1/admin/dead-letters/identity/sequences/" + missing, admin, null,
                null), 404, "not_found");

        Response list = api.get("/api/v1/admin/dead-letters", admin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().has("items")).isTrue();
        TestOrganization organization = api.createOrganization("Dead Letters Outsider");
        assertThat(api.get("/api/v1/admin/dead-letters", organization.apiKey()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/dead-letters", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/admin/dead-letters/identity/retry", organization.apiKey(), null).status())
                .isEqualTo(403);
    }

    private void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.raw().headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo(code);
    }

    private void awaitProjected(TestOrganization organization, UUID person) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/persons/" + person, organization.apiKey()).status() == 200);
    }

    private void rename(TestOrganization organization, UUID person, String firstName) {
        Response renamed = api.patch("/api/v1/persons/" + person, organization.apiKey(),
                Map.of("firstName", firstName));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    }

    private String firstNameInReadModel(UUID person) {
        return jdbc.queryForObject("SELECT first_name FROM identity.person WHERE id = ?", String.class, person);
    }

    private String searchTitle(UUID person) {
        List<String> titles = jdbc.queryForList("SELECT title FROM system.search_document WHERE id = ?",
                String.class, person);
        return titles.isEmpty() ? "" : titles.get(0);
    }

    private long globalIndexOf(String eventId) {
        return jdbc.queryForObject("SELECT global_index FROM axon.domain_event_entry WHERE event_identifier = ?",
                Long.class, eventId);
    }

    /** Every letter of the group, through the admin endpoint, page by page. */
    private List<JsonNode> letters(String group) {
        List<JsonNode> letters = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get("/api/v1/admin/dead-letters?group=" + group + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor), api.adminKey());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.body().get("items").forEach(letters::add);
            cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asText();
        } while (cursor != null);
        return letters;
    }

    private static List<JsonNode> lettersOf(List<JsonNode> letters, UUID sequence) {
        return letters.stream().filter(letter -> letter.get("sequenceIdentifier").asText().equals(sequence.toString()))
                .toList();
    }

    private List<JsonNode> lettersOfSequence(String group, UUID sequence) {
        return lettersOf(letters(group), sequence);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private double deadLetterGauge(String group) {
        String prefix = "unifiedcrm_dead_letters{group=\"" + group + "\"";
        return api.send("GET", "/actuator/prometheus", api.adminKey(), null, null).raw().body().lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in /actuator/prometheus"));
    }

    private void awaitHealthy() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode processors = api.get("/actuator/health", api.adminKey()).body().get("components")
                    .get("eventProcessors");
            assertThat(processors.get("status").asText()).as(processors.toString()).isEqualTo("UP");
        });
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A trigger function that raises, and the triggers (specific to this test's ids) that call it. */
    private void poison(String suffix, List<String> triggers) {
        jdbc.execute("CREATE FUNCTION public.dl_poison_" + suffix + "() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN RAISE EXCEPTION 'poison " + suffix + " in %', TG_TABLE_NAME; END $$");
        triggers.forEach(jdbc::execute);
    }

    /** Drops the function and every trigger that calls it. */
    private void cure(String suffix) {
        jdbc.execute("DROP FUNCTION IF EXISTS public.dl_poison_" + suffix + "() CASCADE");
    }

    /** After a failure: no letter of this test may stay behind for the other tests. */
    private void evictLeftovers(String group, String... sequences) {
        for (String sequence : sequences) {
            jdbc.update("DELETE FROM axon.dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ?",
                    group, sequence);
        }
    }
}
