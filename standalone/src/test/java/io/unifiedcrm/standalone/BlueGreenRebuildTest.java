package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.projection.runtime.rebuild.ReadModelTables;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /admin/projections/{name}/rebuild} rebuilds projections into shadow tables while clients keep reading
 * the live ones, then switches to the rebuilt tables in one transaction: every read during the rebuild and the switch
 * answers 200 with the right data, the rebuilt tables hold what the events say (damaged rows are repaired, nothing
 * else changed), the tables keep their indexes and constraints under their names, nothing of the rebuild is left, and
 * the projections go on projecting new events.
 */
// late in the suite: the rebuild replays the events of (nearly) every other test
@Order(Integer.MAX_VALUE - 1)
class BlueGreenRebuildTest extends StandaloneTest {

    @Autowired
    private ReadModelTables readModelTables;

    @Test
    void projectionsAreRebuiltWhileClientsKeepReading() throws Exception {
        TestOrganization organization = api.createOrganization("Blue Green GmbH");
        UUID ada = api.createPerson(organization, "ada@bluegreen.example", "Ada", "Lovelace");
        UUID bob = api.createPerson(organization, "bob@bluegreen.example", "Bob", "Baker");
        created(organization, "/api/v1/contacts", Map.of("personId", ada.toString(), "jobTitle", "Buyer"));
        String blue = created(organization, "/api/v1/deals", Map.of("name", "Blue deal", "personId", ada.toString(),
                "amount", Map.of("amount", "1200.00", "currency", "EUR")));
        String green = created(organization, "/api/v1/deals", Map.of("name", "Green deal"));
        created(organization, "/api/v1/activities", Map.of("type", "call", "personId", ada.toString(),
                "outcome", "connected", "durationSeconds", 60));
        String mug = created(organization, "/api/v1/products", Map.of("sku", "MUG-BG", "name", "Mug",
                "price", Map.of("amount", "9.50", "currency", "EUR")));
        ok(api.post("/api/v1/products/" + mug + "/restock", organization.apiKey(), Map.of("quantity", 5)));
        String order = created(organization, "/api/v1/orders", Map.of("personId", bob.toString(),
                "items", List.of(Map.of("productId", mug, "quantity", 2))));
        ok(api.post("/api/v1/orders/" + order + "/place", organization.apiKey(), null));
        ok(api.post("/api/v1/orders/" + order + "/pay", organization.apiKey(), Map.of("amount",
                Map.of("amount", "19.00", "currency", "EUR"), "method", "card")));

        Map<String, Predicate<JsonNode>> reads = new LinkedHashMap<>();
        reads.put("/api/v1/persons/" + ada, body -> body.path("firstName").asText().equals("Ada"));
        reads.put("/api/v1/contacts/" + ada, body -> body.path("jobTitle").asText().equals("Buyer"));
        reads.put("/api/v1/deals/" + blue, body -> body.path("name").asText().equals("Blue deal"));
        reads.put("/api/v1/customers/" + bob, body -> body.path("orderCount").asInt() == 1
                && body.path("totalSpent").path("amount").asText().startsWith("19.00"));
        reads.put("/api/v1/orders/" + order, body -> body.path("lines").size() == 1
                && body.path("paidTotal").path("amount").asText().equals("19.0000"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            reads.forEach((path, right) -> {
                Response response = api.get(path, organization.apiKey());
                assertThat(response.status() == 200 && right.test(response.body())).as(response.toString()).isTrue();
            });
            assertThat(api.get("/api/v1/deals/" + green, organization.apiKey()).status()).isEqualTo(200);
        });
        Map<String, List<String>> rowsBefore = rowsOf(organization.id());
        String catalogBefore = catalog();
        // damage the live tables: only the rebuild from the events repairs them
        jdbc.update("UPDATE crm.deal SET name = 'Damaged' WHERE id = ?", UUID.fromString(green));
        jdbc.update("UPDATE identity.person SET first_name = 'Damaged' WHERE id = ?", bob);
        jdbc.update("UPDATE commerce.product SET name = 'Damaged' WHERE id = ?", UUID.fromString(mug));
        // a statement PostgreSQL has planned and kept (server-side prepared from the 5th execution on)
        java.sql.Connection connection = jdbc.getDataSource().getConnection();
        java.sql.PreparedStatement dealName = connection.prepareStatement("SELECT name FROM crm.deal WHERE id = ?");
        dealName.setObject(1, UUID.fromString(green));
        for (int execution = 0; execution < 10; execution++) {
            assertThat(nameOf(dealName)).isEqualTo("Damaged");
        }

        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger readCount = new AtomicInteger();
        List<String> paths = new ArrayList<>(reads.keySet());
        ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
        // 10 reads a second: within the organization's rate limit of the test configuration
        reader.scheduleAtFixedRate(() -> {
            String path = paths.get(readCount.getAndIncrement() % paths.size());
            Response response = api.get(path, organization.apiKey());
            if (response.status() != 200 || !reads.get(path).test(response.body())) {
                failures.add(path + " -> " + response);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        // and as fast as it goes, the tables directly, as the query side reads them (without the rate limit)
        java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicInteger sqlReads = new AtomicInteger();
        java.util.concurrent.ExecutorService sqlReader = Executors.newSingleThreadExecutor();
        sqlReader.execute(() -> {
            while (reading.get()) {
                try {
                    String read = jdbc.queryForObject("SELECT d.name || '/' || p.first_name || '/' || s.order_count "
                                    + "FROM crm.deal d, identity.person p, commerce.customer_stats(?, ARRAY[?]) s "
                                    + "WHERE d.id = ? AND p.id = ?", String.class, organization.id(), bob,
                            UUID.fromString(blue), ada);
                    if (!"Blue deal/Ada/1".equals(read)) {
                        failures.add("SQL read " + read);
                    }
                } catch (RuntimeException failure) {
                    failures.add("SQL read " + failure);
                }
                sqlReads.incrementAndGet();
            }
        });
        List<JsonNode> progress = new CopyOnWriteArrayList<>();
        try {
            for (String group : groups()) {
                Response started = api.post(rebuildPath(group), api.adminKey(), null);
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
                assertThat(started.header("Location")).endsWith(rebuildPath(group));
                assertThat(started.body().path("state").asText()).isIn("copying", "catching-up");
            }
            Response again = api.post(rebuildPath("crm"), api.adminKey(), null);
            assertThat(again.status()).as("a second rebuild while one runs: " + again).isEqualTo(409);
            assertThat(again.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.post("/api/v1/admin/projections/crm/replay", api.adminKey(), null).status())
                    .as("no replay while a rebuild runs").isEqualTo(409);

            // written while the rebuild runs: new entities, projected into the live tables and the shadow alike
            UUID carol = api.createPerson(organization, "carol@bluegreen.example", "Carol", "Cole");
            String violet = created(organization, "/api/v1/deals", Map.of("name", "Violet deal"));
            String plate = created(organization, "/api/v1/products", Map.of("sku", "PLATE-BG", "name", "Plate",
                    "price", Map.of("amount", "4.00", "currency", "EUR")));

            for (String group : groups()) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    JsonNode status = api.get(rebuildPath(group), api.adminKey()).body();
                    progress.add(status);
                    assertThat(status.path("state").asText()).as(status.toString()).isNotEqualTo("failed");
                    return status.path("state").asText().equals("done");
                });
            }
            for (String group : groups()) {
                assertThat(api.get("/api/v1/admin/projections/" + group, api.adminKey()).body().path("rebuild")
                        .path("state").asText()).as(group + ": the projection's status shows its latest rebuild")
                        .isEqualTo("done");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> readCount.get() > 2 * paths.size());
            assertThat(api.get("/api/v1/persons/" + carol, organization.apiKey()).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/deals/" + violet, organization.apiKey()).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/products/" + plate, organization.apiKey()).status()).isEqualTo(200);
        } finally {
            reading.set(false);
            sqlReader.shutdown();
            reader.shutdownNow();
            reader.awaitTermination(10, TimeUnit.SECONDS);
            sqlReader.awaitTermination(10, TimeUnit.SECONDS);
        }
        org.slf4j.LoggerFactory.getLogger(BlueGreenRebuildTest.class).info(
                "Read {} times over HTTP and {} times in SQL during the rebuild; statuses seen: {}", readCount.get(),
                sqlReads.get(), progress.stream().map(status -> status.path("name").asText() + " "
                        + status.path("state").asText() + " " + status.path("progressPercent").asText() + "%")
                        .distinct().toList());
        assertThat(failures).as("reads during the rebuild and the switch").isEmpty();
        // alone, this test's events replay in a moment; late in the suite, every test's events take a while
        progress.stream().filter(status -> status.path("state").asText().equals("catching-up")
                && status.hasNonNull("position")).forEach(status -> {
                    assertThat(status.path("headPosition").asLong()).as(status.toString()).isPositive();
                    assertThat(status.path("progressPercent").asDouble()).as(status.toString()).isBetween(0.0, 100.0);
                    assertThat(status.path("eventsPerSecond").asDouble()).as(status.toString()).isNotNegative();
                });
        for (String group : groups()) {
            JsonNode done = api.get(rebuildPath(group), api.adminKey()).body();
            assertThat(done.path("position").asLong()).as(done.toString())
                    .isGreaterThanOrEqualTo(done.path("headPosition").asLong()).isPositive();
            assertThat(done.path("progressPercent").asDouble()).as(done.toString()).isEqualTo(100.0);
            assertThat(done.path("eventsPerSecond").asDouble()).as(done.toString()).isPositive();
            assertThat(done.path("finishedAt").isTextual()).as(done.toString()).isTrue();
        }

        assertThat(jdbc.queryForObject("SELECT name FROM crm.deal WHERE id = ?", String.class,
                UUID.fromString(green))).as("repaired from the events").isEqualTo("Green deal");
        try (connection) {
            assertThat(nameOf(dealName)).as("the kept statement reads the new table").isEqualTo("Green deal");
        }
        assertThat(jdbc.queryForObject("SELECT first_name FROM identity.person WHERE id = ?", String.class, bob))
                .isEqualTo("Bob");
        assertThat(jdbc.queryForObject("SELECT name FROM commerce.product WHERE id = ?", String.class,
                UUID.fromString(mug))).isEqualTo("Mug");
        Map<String, List<String>> rowsAfter = rowsOf(organization.id());
        rowsBefore.forEach((table, rows) -> assertThat(rowsAfter.get(table)).as(table).containsAll(rows));
        assertThat(catalog()).as("columns, constraints and indexes under their names").isEqualTo(catalogBefore);
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE '%\\_\\_shadow\\_%' "
                + "OR nspname LIKE '%\\_\\_old\\_%'", String.class)).as("schemas left").isEmpty();
        assertThat(jdbc.queryForList("SELECT DISTINCT processor_name FROM axon.token_entry "
                + "WHERE processor_name LIKE '%.rebuild'", String.class)).as("tokens left").isEmpty();

        // the live processors go on projecting into the rebuilt tables
        String indigo = created(organization, "/api/v1/deals", Map.of("name", "Indigo deal"));
        UUID dan = api.createPerson(organization, "dan@bluegreen.example", "Dan", "Dale");
        String cup = created(organization, "/api/v1/products", Map.of("sku", "CUP-BG", "name", "Cup",
                "price", Map.of("amount", "3.00", "currency", "EUR")));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/v1/deals/" + indigo, organization.apiKey()).status() == 200
                        && api.get("/api/v1/persons/" + dan, organization.apiKey()).status() == 200
                        && api.get("/api/v1/products/" + cup, organization.apiKey()).status() == 200);
    }

    /**
     * A view on a table of the projection, which the switch may not drop with the old table, makes the switch fail:
     * the rebuild fails with the cause, the shadow is gone, the live tables are the same relations as before and the
     * live processor goes on projecting.
     */
    /**
     * A poison event parked a person's search sequence; once its cause is gone, a rebuild applies it and the events
     * parked behind it (the rebuild never uses the live group's dead-letter queue) and clears the group's letters.
     */
    @Test
    void aRebuildAppliesParkedEventsAndClearsTheGroupsDeadLetters() {
        TestOrganization organization = api.createOrganization("Parked Rebuild GmbH");
        UUID poisoned = api.createPerson(organization, "poisoned@bluegreen.example", "Pia", "Parked");
        UUID healthy = api.createPerson(organization, "healthy@bluegreen.example", "Hal", "Healthy");
        await().atMost(Duration.ofSeconds(20)).until(() -> titleOf(poisoned) != null && titleOf(healthy) != null);
        jdbc.execute("CREATE FUNCTION public.bg_poison() RETURNS trigger LANGUAGE plpgsql AS $$ "
                + "BEGIN RAISE EXCEPTION 'blue-green poison'; END $$");
        try {
            jdbc.execute("CREATE TRIGGER bg_poison BEFORE UPDATE ON system.search_document FOR EACH ROW "
                    + "WHEN (NEW.id = '" + poisoned + "') EXECUTE FUNCTION public.bg_poison()");
            assertThat(api.patch("/api/v1/persons/" + poisoned, organization.apiKey(), Map.of("firstName", "Petra"))
                    .status()).isEqualTo(200);
            assertThat(api.patch("/api/v1/persons/" + poisoned, organization.apiKey(), Map.of("lastName", "Poisoned"))
                    .status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> deadLettersOf("search", poisoned) == 2);
        } finally {
            jdbc.execute("DROP FUNCTION public.bg_poison() CASCADE");
        }
        assertThat(titleOf(poisoned)).as("parked").doesNotContain("Petra");

        assertThat(api.post(rebuildPath("search"), api.adminKey(), null).status()).isEqualTo(202);
        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(rebuildPath("search"), api.adminKey()).body(),
                        status -> status.path("state").asText().matches("failed|done"));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("done");
        assertThat(titleOf(poisoned)).isEqualTo("Petra Poisoned");
        assertThat(titleOf(healthy)).isEqualTo("Hal Healthy");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.dead_letter_entry WHERE processing_group = 'search'",
                Long.class)).as("the group's dead letters").isZero();
        assertThat(api.patch("/api/v1/persons/" + poisoned, organization.apiKey(), Map.of("firstName", "Paula"))
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "Paula Poisoned".equals(titleOf(poisoned)));
    }

    private String titleOf(UUID id) {
        return jdbc.query("SELECT title FROM system.search_document WHERE id = ?",
                row -> row.next() ? row.getString(1) : null, id);
    }

    private long deadLettersOf(String group, UUID aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM axon.dead_letter_entry WHERE processing_group = ? "
                + "AND aggregate_identifier = ?", Long.class, group, aggregate.toString());
    }

    @Test
    void aFailedRebuildLeavesTheLiveTablesAsTheyWere() {
        TestOrganization organization = api.createOrganization("Failed Rebuild GmbH");
        String amber = created(organization, "/api/v1/deals", Map.of("name", "Amber deal"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/deals/" + amber, organization.apiKey()).status() == 200);
        String relations = "SELECT string_agg(cast(cast(t AS regclass) AS oid)::text, ',') FROM unnest(cast(ARRAY['"
                + String.join("', '", readModelTables.of("crm").orElseThrow()) + "'] AS text[])) AS t";
        String before = jdbc.queryForObject(relations, String.class);
        String catalogBefore = catalog();
        jdbc.execute("CREATE VIEW public.blue_green_dependent AS SELECT * FROM crm.order_total");
        JsonNode failed;
        try {
            assertThat(api.post(rebuildPath("crm"), api.adminKey(), null).status()).isEqualTo(202);
            failed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get(rebuildPath("crm"), api.adminKey()).body(),
                            status -> status.path("state").asText().matches("failed|done"));
        } finally {
            jdbc.execute("DROP VIEW public.blue_green_dependent");
        }
        assertThat(failed.path("state").asText()).as(failed.toString()).isEqualTo("failed");
        assertThat(failed.path("error").asText()).contains("depend");
        assertThat(jdbc.queryForObject(relations, String.class)).as("the same live tables").isEqualTo(before);
        assertThat(catalog()).isEqualTo(catalogBefore);
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE '%\\_\\_shadow\\_%' "
                + "OR nspname LIKE '%\\_\\_old\\_%'", String.class)).as("schemas left").isEmpty();
        assertThat(jdbc.queryForList("SELECT DISTINCT processor_name FROM axon.token_entry "
                + "WHERE processor_name LIKE '%.rebuild'", String.class)).as("tokens left").isEmpty();
        String ruby = created(organization, "/api/v1/deals", Map.of("name", "Ruby deal"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/deals/" + ruby, organization.apiKey()).status() == 200);
    }

    /**
     * A repeatable-read transaction that took its snapshot before the rebuild's last batch could read the new tables
     * without that batch's rows: the switch waits until it is over. Until then it reads the old tables, consistently.
     */
    @Test
    void theSwitchWaitsForTransactionsWithAnOlderSnapshot() throws Exception {
        TestOrganization organization = api.createOrganization("Snapshot GmbH");
        String teal = created(organization, "/api/v1/deals", Map.of("name", "Teal deal"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/deals/" + teal, organization.apiKey()).status() == 200);
        jdbc.update("UPDATE crm.deal SET name = 'Damaged' WHERE id = ?", UUID.fromString(teal));
        try (java.sql.Connection older = jdbc.getDataSource().getConnection()) {
            older.setAutoCommit(false);
            older.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
            // the snapshot, taken on a table of another projection
            older.createStatement().executeQuery("SELECT count(*) FROM shared.address").close();
            assertThat(api.post(rebuildPath("crm"), api.adminKey(), null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> stateOf("crm").equals("switching"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> stateOf("crm").equals("switching"));
            java.sql.PreparedStatement name = older.prepareStatement("SELECT name FROM crm.deal WHERE id = ?");
            name.setObject(1, UUID.fromString(teal));
            assertThat(nameOf(name)).as("the old table").isEqualTo("Damaged");
            older.commit();
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> stateOf("crm").matches("done|failed"));
        assertThat(stateOf("crm")).isEqualTo("done");
        assertThat(jdbc.queryForObject("SELECT name FROM crm.deal WHERE id = ?", String.class, UUID.fromString(teal)))
                .isEqualTo("Teal deal");
    }

    private String stateOf(String group) {
        return api.get(rebuildPath(group), api.adminKey()).body().path("state").asText();
    }

    /**
     * Progress while the shadow catches up, made to last: the test holds the rebuild before its processor starts
     * (an uncommitted token row of the same key) and then blocks the shadow on a row of its own contact table; the
     * rebuild shows how far it has come and does not switch before the shadow has caught up.
     */
    @Test
    void progressIsVisibleWhileTheShadowCatchesUpAndTheSwitchWaitsForIt() throws Exception {
        TestOrganization organization = api.createOrganization("Progress GmbH");
        UUID ada = api.createPerson(organization, "ada@progress.example", "Ada", "Lovelace");
        created(organization, "/api/v1/contacts", Map.of("personId", ada.toString(), "jobTitle", "Buyer"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/contacts/" + ada, organization.apiKey()).status() == 200);
        List<Integer> segments = jdbc.queryForList("SELECT segment FROM axon.token_entry WHERE processor_name = 'crm'",
                Integer.class);
        JsonNode held;
        try (java.sql.Connection tokens = jdbc.getDataSource().getConnection();
             java.sql.Connection contact = jdbc.getDataSource().getConnection()) {
            tokens.setAutoCommit(false);
            contact.setAutoCommit(false);
            for (int segment : segments) {
                tokens.createStatement().executeUpdate("INSERT INTO axon.token_entry (processor_name, segment) "
                        + "VALUES ('crm.rebuild', " + segment + ")");
            }
            assertThat(api.post(rebuildPath("crm"), api.adminKey(), null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                    "SELECT to_regclass('crm__shadow_crm.contact') IS NOT NULL", Boolean.class));
            java.sql.PreparedStatement block = contact.prepareStatement(
                    "INSERT INTO crm__shadow_crm.contact SELECT * FROM crm.contact WHERE person_id = ?");
            block.setObject(1, ada);
            assertThat(block.executeUpdate()).isEqualTo(1);
            tokens.rollback();
            held = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> api.get(rebuildPath("crm"), api.adminKey()).body(),
                            status -> status.path("state").asText().equals("catching-up")
                                    && status.hasNonNull("position"));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> stateOf("crm").equals("catching-up"));
            contact.rollback();
        }
        org.slf4j.LoggerFactory.getLogger(BlueGreenRebuildTest.class).info("Held while catching up: {}", held);
        assertThat(held.path("headPosition").asLong()).as(held.toString()).isPositive();
        assertThat(held.path("position").asLong()).as(held.toString()).isLessThan(held.path("headPosition").asLong());
        assertThat(held.path("progressPercent").asDouble()).as(held.toString()).isBetween(0.0, 99.9);
        assertThat(held.path("eventsPerSecond").isNumber()).as(held.toString()).isTrue();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> stateOf("crm").matches("done|failed"));
        assertThat(stateOf("crm")).isEqualTo("done");
        assertThat(api.get("/api/v1/contacts/" + ada, organization.apiKey()).body().path("jobTitle").asText())
                .isEqualTo("Buyer");
    }

    @Test
    void rebuildsAnswerBadRequestsWithProblems() {
        Response unknown = api.post(rebuildPath("no_such_projection"), api.adminKey(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(rebuildPath("no_such_projection"), api.adminKey()).status()).isEqualTo(404);
        Response sideEffects = api.post(rebuildPath("platform-association-cleanup"), api.adminKey(), null);
        assertThat(sideEffects.status()).as(sideEffects.toString()).isEqualTo(409);
        assertThat(sideEffects.body().path("code").asText()).isEqualTo("replay_not_possible");
        TestOrganization organization = api.createOrganization("Not Admin GmbH");
        assertThat(api.post(rebuildPath("crm"), organization.apiKey(), null).status()).isEqualTo(403);
        assertThat(api.get(rebuildPath("crm"), organization.apiKey()).status()).isEqualTo(403);
        assertThat(api.post(rebuildPath("crm"), null, null).status()).isEqualTo(401);
    }

    private static String rebuildPath(String group) {
        return "/api/v1/admin/projections/" + group + "/rebuild";
    }

    private String created(TestOrganization organization, String path, Map<String, Object> body) {
        Response created = api.post(path, organization.apiKey(), body);
        assertThat(created.status()).as(path + " " + created).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static String nameOf(java.sql.PreparedStatement statement) throws java.sql.SQLException {
        try (java.sql.ResultSet row = statement.executeQuery()) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Every projection with registered tables, by name; the reads above are of crm, identity and commerce. */
    private List<String> groups() {
        return readModelTables.groups().stream().sorted().toList();
    }

    private List<String> tables() {
        return groups().stream().flatMap(group -> readModelTables.of(group).orElseThrow().stream()).toList();
    }

    /** The organization's rows of every rebuilt table, as JSON text. */
    private Map<String, List<String>> rowsOf(UUID organizationId) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables()) {
            String filter = switch (table) {
                case "identity.organization" -> "t.id = ?";
                case "identity.team_member" -> "t.team_id IN (SELECT id FROM identity.team WHERE organization_id = ?)";
                default -> "t.organization_id = ?";
            };
            List<String> found = new ArrayList<>(jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t WHERE "
                    + filter, String.class, organizationId));
            Collections.sort(found);
            rows.put(table, found);
        }
        return rows;
    }

    /** The columns, constraints and indexes of the rebuilt tables, by name. */
    private String catalog() {
        String tables = "ARRAY['" + String.join("', '", tables()) + "']::regclass[]";
        return String.join("\n", jdbc.queryForList("""
                SELECT 'column ' || a.attrelid::regclass || ' ' || row_number() OVER (PARTITION BY a.attrelid
                           ORDER BY a.attnum) || ' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                           || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS line
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = ANY (%1$s) AND a.attnum > 0 AND NOT a.attisdropped
                UNION ALL
                SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint WHERE conrelid = ANY (%1$s)
                UNION ALL
                SELECT 'index ' || pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = ANY (%1$s)
                ORDER BY 1""".formatted(tables), String.class));
    }
}
