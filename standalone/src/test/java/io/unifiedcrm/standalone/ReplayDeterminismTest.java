package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.crm.pipeline.command.DefaultPipeline;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Rebuilding the identity, shared, commerce, crm, platform, timeline and search read models from the events gives the
 * same rows: a checksum of every row of every table they own is identical before and after the replay.
 */
class ReplayDeterminismTest extends StandaloneTest {

    static final List<String> GROUPS = List.of("identity", "addresses", "commerce", "crm", "platform",
            "timeline", "search");
    static final List<String> TABLES = List.of("identity.organization", "identity.person", "identity.team",
            "identity.team_member", "shared.address", "commerce.customer", "crm.contact", "commerce.product",
            "commerce.inventory_level", "commerce.orders", "commerce.order_line", "commerce.payment",
            "identity.person_order", "identity.lead_score_entry", "crm.activity", "crm.order_total",
            "platform.object_definition", "platform.association_definition", "platform.record",
            "platform.association", "crm.pipeline", "crm.pipeline_stage", "crm.deal", "crm.deal_stage_history",
            "system.timeline_entry", "system.timeline_subject",
            "system.search_document", "system.search_object_type");

    @Test
    void aReplayRebuildsTheSameRows() {
        TestOrganization organization = api.createOrganization("Replay GmbH");
        UUID ada = person(organization, "ada@replay.example", "checkout");
        UUID bob = person(organization, "bob@replay.example", "lead_form");
        UUID cyd = person(organization, "cyd@replay.example", "organic");
        UUID dee = person(organization, "dee@replay.example", "referral");
        api.patch("/api/v1/persons/" + ada, organization.apiKey(), Map.of("middleName", "Augusta", "lifecycleStage",
                "customer", "sourceDetails", Map.of("campaign", "replay")));
        api.post("/api/v1/persons/" + bob + "/email-verification", organization.apiKey(), null);
        api.post("/api/v1/persons/" + cyd + "/account-registration", organization.apiKey(), null);
        address(organization, ada, "billing");
        UUID second = address(organization, ada, "billing");
        api.post("/api/v1/addresses/" + second + "/default", organization.apiKey(), null);
        address(organization, bob, "shipping");
        assertThat(api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString())).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/persons/" + cyd + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", dee.toString())).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/persons/" + cyd + "/unmerge", organization.apiKey(),
                Map.of("sourcePersonId", dee.toString())).status()).isEqualTo(200);
        api.post("/api/v1/teams", organization.apiKey(), Map.of("name", "Replayers"));
        UUID acme = platformRecords(organization, ada);
        crm(organization, ada, cyd, dee, acme);
        UUID mug = UUID.fromString(api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "MUG-R",
                "name", "Mug", "price", Map.of("amount", "9.99", "currency", "EUR"), "tags", List.of("a", "b")))
                .body().get("id").asText());
        api.post("/api/v1/products/" + mug + "/restock", organization.apiKey(), Map.of("quantity", 7));
        api.post("/api/v1/products/" + mug + "/inventory-adjustment", organization.apiKey(),
                Map.of("onHand", 5, "reason", "count"));
        api.patch("/api/v1/products/" + mug, organization.apiKey(), Map.of("status", "archived"));
        orders(organization, ada, cyd, dee);
        deals(organization, ada, cyd);
        openOrder(organization, dee);

        long head = jdbc.queryForObject("SELECT max(global_index) FROM axon.domain_event_entry", Long.class);
        GROUPS.forEach(group -> awaitCaughtUp(group, head));
        Map<String, String> before = settledChecksums();
        Map<String, Object> personsBefore = rowsOf("identity.person");
        List<String> tuplesBefore = physicalTuples(organization.id());
        Map<String, Long> filesBefore = relationFiles();

        // all at once: they read the event stream together (one shared read), as a replay of everything does
        Response replay = api.post("/api/v1/admin/projections/replay?names=" + String.join(",", GROUPS),
                api.adminKey(), null);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.body().get("items")).extracting(item -> item.get("name").asText())
                .containsExactlyInAnyOrderElementsOf(GROUPS);
        long headAfter = jdbc.queryForObject("SELECT max(global_index) FROM axon.domain_event_entry", Long.class);
        GROUPS.forEach(group -> awaitCaughtUp(group, headAfter));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(physicalTuples(organization.id())).as("rows were rebuilt").doesNotContainAnyElementsOf(
                    tuplesBefore);
            assertThat(rowsOf("identity.person")).as("identity.person rows").isEqualTo(personsBefore);
            assertThat(checksums()).isEqualTo(before);
        });
        assertThat(relationFiles()).as("each table emptied by TRUNCATE (a new file), not by deleting every row, "
                + "which leaves the dead rows to the replay").allSatisfy((table, file) ->
                assertThat(file).as(table).isNotEqualTo(filesBefore.get(table)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM identity.person WHERE organization_id = ?", Long.class,
                organization.id())).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT DISTINCT category FROM system.timeline_entry WHERE organization_id = ?",
                String.class, organization.id())).as("timeline entries of every category")
                .containsExactlyInAnyOrder("person", "customer", "contact", "address", "order", "deal", "activity",
                        "record");
    }

    /** The data file of a few replayed tables: TRUNCATE gives a table a new one. */
    private Map<String, Long> relationFiles() {
        Map<String, Long> files = new java.util.TreeMap<>();
        for (String table : List.of("identity.person", "system.timeline_entry", "system.search_document",
                "crm.deal", "commerce.orders", "shared.address", "platform.record")) {
            files.put(table, jdbc.queryForObject("SELECT pg_relation_filenode(cast(? AS regclass))", Long.class,
                    table));
        }
        return files;
    }

    /**
     * Contacts made before and after their activities, changed; a connected call moved to another person, a meeting
     * that took place, a note on a company, a task changed and completed. Ada's order completes later (a purchase).
     */
    private void crm(TestOrganization organization, UUID ada, UUID cyd, UUID dee, UUID acme) {
        assertThat(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", ada.toString(),
                "jobTitle", "Buyer", "companyId", acme.toString(), "ownerId", cyd.toString(), "leadStatus",
                "contacted", "nextFollowUp", "2026-12-01T09:00:00Z")).status()).isEqualTo(201);
        assertThat(api.patch("/api/v1/contacts/" + ada, organization.apiKey(), Map.of("leadStatus", "qualified",
                "department", "Purchasing")).status()).isEqualTo(200);
        UUID call = activity(organization, Map.of("type", "call", "personId", ada.toString(), "outcome",
                "connected", "durationSeconds", 120, "occurredAt", "2026-11-02T10:00:00Z"));
        activity(organization, Map.of("type", "call", "personId", ada.toString(), "outcome", "no_answer"));
        activity(organization, Map.of("type", "meeting", "personId", cyd.toString(), "subject", "Demo",
                "startAt", "2026-11-03T10:00:00Z", "endAt", "2026-11-03T11:00:00Z"));
        activity(organization, Map.of("type", "note", "companyId", acme.toString(), "body", "Acme is growing."));
        UUID task = activity(organization, Map.of("type", "task", "personId", dee.toString(), "subject", "Call back",
                "dueAt", "2026-11-30T12:00:00Z"));
        assertThat(api.patch("/api/v1/activities/" + task, organization.apiKey(), Map.of("subject", "Call back soon"))
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/activities/" + task + "/complete", organization.apiKey(), null).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", cyd.toString()))
                .status()).isEqualTo(201);
        assertThat(api.patch("/api/v1/activities/" + call, organization.apiKey(), Map.of("personId", cyd.toString()))
                .status()).isEqualTo(200);
    }

    private UUID activity(TestOrganization organization, Map<String, Object> body) {
        Response created = api.post("/api/v1/activities", organization.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    /** A placed order that stays open: its total waits in crm.order_total. */
    private void openOrder(TestOrganization organization, UUID person) {
        UUID plate = UUID.fromString(api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "PLATE-R",
                "name", "Plate", "price", Map.of("amount", "4.10", "currency", "EUR"))).body().get("id").asText());
        api.post("/api/v1/products/" + plate + "/restock", organization.apiKey(), Map.of("quantity", 3));
        UUID open = order(organization, person, null, List.of(Map.of("productId", plate.toString(), "quantity", 2)));
        command(organization, open, "place", null);
    }

    /**
     * A custom type with a schema change, records (one of a person, updated; one archived; one deleted) and
     * associations.
     */
    private UUID platformRecords(TestOrganization organization, UUID owner) {
        assertThat(api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name", "vehicle",
                "pluralName", "vehicles", "schema", Map.of("type", "object", "properties", Map.of("plate",
                        Map.of("type", "string"), "year", Map.of("type", "integer"))), "displayProperty", "plate"))
                .status()).isEqualTo(201);
        api.post("/api/v1/object-definitions/vehicle/associations", organization.apiKey(), Map.of("toObjectType",
                "company", "label", "fleet_owner", "inverseLabel", "vehicle"));
        api.patch("/api/v1/object-definitions/vehicle", organization.apiKey(), Map.of("icon", "car", "schema",
                Map.of("type", "object", "properties", Map.of("plate", Map.of("type", "string"), "year",
                        Map.of("type", "integer"), "colour", Map.of("type", "string")))));
        Response ownedCar = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "vehicle",
                "personId", owner.toString(), "properties", Map.of("plate", "B-CR 1", "year", 2020)));
        assertThat(ownedCar.status()).as(ownedCar.toString()).isEqualTo(201);
        UUID car = UUID.fromString(ownedCar.body().get("id").asText());
        UUID van = record(organization, "vehicle", Map.of("plate", "B-VN 2"));
        UUID acme = record(organization, "company", Map.of("name", "Acme"));
        UUID globex = record(organization, "company", Map.of("name", "Globex"));
        api.patch("/api/v1/records/" + car, organization.apiKey(), Map.of("properties", Map.of("colour", "red")));
        api.post("/api/v1/records/" + van + "/archive", organization.apiKey(), null);
        for (UUID vehicle : List.of(car, van)) {
            for (UUID company : List.of(acme, globex)) {
                api.post("/api/v1/records/" + vehicle + "/associations", organization.apiKey(),
                        Map.of("toRecordId", company.toString(), "label", "fleet_owner"));
            }
        }
        api.send("DELETE", "/api/v1/records/" + globex, organization.apiKey(), null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT count(*) FROM "
                + "axon.domain_event_entry WHERE payload_type LIKE '%RecordsDissociatedEvent' AND "
                + "aggregate_identifier IN (?, ?)", Long.class, car.toString(), van.toString()) == 2);
        return acme;
    }

    /**
     * Orders in every state: completed after two payments, two fulfilments and a partial refund; placed, partly paid
     * and cancelled; rejected for want of stock; a cart with a removed line. Customer statistics follow them.
     */
    private void orders(TestOrganization organization, UUID ada, UUID cyd, UUID dee) {
        UUID cup = UUID.fromString(api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "CUP-R",
                "name", "Cup", "price", Map.of("amount", "7.25", "currency", "EUR"))).body().get("id").asText());
        api.post("/api/v1/products/" + cup + "/restock", organization.apiKey(), Map.of("quantity", 10));
        UUID line = UUID.randomUUID();
        UUID completed = order(organization, ada, "dhl", List.of(Map.of("lineId", line.toString(), "productId",
                cup.toString(), "quantity", 3, "taxRate", 19, "discount", Map.of("amount", "1.00", "currency",
                        "EUR"))));
        // 3 × 7.25 = 21.75 − 1.00 = 20.75; tax 19 % = 3.94 (3.9425 to cents); shipping 3.50: 28.19
        command(organization, completed, "place", null);
        command(organization, completed, "pay", Map.of("amount", Map.of("amount", "20.00", "currency", "EUR"),
                "method", "card", "providerReference", "r-1"));
        command(organization, completed, "pay", Map.of("amount", Map.of("amount", "8.19", "currency", "EUR"),
                "method", "paypal"));
        command(organization, completed, "fulfil", Map.of("lines", List.of(Map.of("lineId", line.toString(),
                "quantity", 1))));
        command(organization, completed, "fulfil", null);
        command(organization, completed, "complete", null);
        command(organization, completed, "refunds", Map.of("amount", Map.of("amount", "2.50", "currency", "EUR"),
                "reason", "late"));
        UUID cancelled = order(organization, cyd, "ups", List.of(Map.of("productId", cup.toString(), "quantity", 2)));
        command(organization, cancelled, "place", null);
        command(organization, cancelled, "pay", Map.of("amount", Map.of("amount", "5", "currency", "EUR"),
                "method", "card"));
        command(organization, cancelled, "cancel", Map.of("reason", "duplicate"));
        UUID rejected = order(organization, cyd, null, List.of(Map.of("productId", cup.toString(),
                "quantity", 50)));
        assertThat(api.post("/api/v1/orders/" + rejected + "/place", organization.apiKey(), null).status())
                .isEqualTo(409);
        UUID removed = UUID.randomUUID();
        UUID cart = order(organization, dee, null, List.of(Map.of("productId", cup.toString(), "quantity", 1),
                Map.of("lineId", removed.toString(), "productId", cup.toString(), "quantity", 2)));
        Response removal = api.send("DELETE", "/api/v1/orders/" + cart + "/items/" + removed, organization.apiKey(),
                null, null);
        assertThat(removal.status()).as(removal.toString()).isEqualTo(200);
        command(organization, cart, "items", Map.of("productId", cup.toString(), "quantity", 1));
    }

    /**
     * A pipeline with an added, changed, reordered and removed stage; deals won, lost, reopened and changed, moved
     * through stages of the default pipeline and of the new one.
     */
    private void deals(TestOrganization organization, UUID ada, UUID cyd) {
        Response pipeline = api.post("/api/v1/pipelines", organization.apiKey(), Map.of("name", "Replay pipeline",
                "stages", List.of(Map.of("name", "Open", "probability", 12.5), Map.of("name", "Won",
                        "probability", 100, "isClosed", true, "isWon", true))));
        assertThat(pipeline.status()).as(pipeline.toString()).isEqualTo(201);
        String pipelineId = pipeline.body().get("id").asText();
        Response added = api.post("/api/v1/pipelines/" + pipelineId + "/stages", organization.apiKey(),
                Map.of("name", "Short-lived", "probability", 50, "position", 1));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        String shortLived = added.body().get("stageId").asText();
        assertThat(api.patch("/api/v1/pipelines/" + pipelineId + "/stages/" + shortLived, organization.apiKey(),
                Map.of("name", "Brief", "forecastCategory", "commit")).status()).isEqualTo(200);
        assertThat(api.patch("/api/v1/pipelines/" + pipelineId, organization.apiKey(), Map.of("name",
                "Replayed pipeline")).status()).isEqualTo(200);
        UUID defaultPipeline = DefaultPipeline.idOf(organization.id());
        String qualified = DefaultPipeline.stageIdOf(organization.id(), "qualified_to_buy").toString();
        String contract = DefaultPipeline.stageIdOf(organization.id(), "contract_sent").toString();
        String won = createDeal(organization, Map.of("name", "Won deal", "amount", Map.of("amount", "1200.50",
                "currency", "EUR"), "personId", ada.toString(), "closeDate", "2026-12-24"));
        dealCommand(organization, won, "stage", Map.of("stageId", qualified));
        dealCommand(organization, won, "stage", Map.of("stageId", contract));
        dealCommand(organization, won, "won", null);
        String reopened = createDeal(organization, Map.of("name", "Reopened deal", "personId", cyd.toString(),
                "ownerId", ada.toString(), "pipelineId", defaultPipeline.toString()));
        dealCommand(organization, reopened, "lost", Map.of("reason", "Timing"));
        dealCommand(organization, reopened, "reopen", Map.of("stageId", qualified));
        assertThat(api.patch("/api/v1/deals/" + reopened, organization.apiKey(), Map.of("amount",
                Map.of("amount", "99.99", "currency", "EUR"), "closeDate", "2027-01-15", "personId",
                ada.toString())).status()).isEqualTo(200);
        String moved = createDeal(organization, Map.of("name", "Moved deal", "pipelineId", pipelineId,
                "stageId", shortLived));
        JsonNode stages = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/pipelines/"
                + pipelineId, organization.apiKey()).body().path("stages"), found -> found.size() == 3);
        String open = java.util.stream.StreamSupport.stream(stages.spliterator(), false)
                .filter(stage -> stage.get("name").asText().equals("Open")).findFirst().orElseThrow().get("id")
                .asText();
        dealCommand(organization, moved, "stage", Map.of("stageId", open));
        Response removed = api.send("DELETE", "/api/v1/pipelines/" + pipelineId + "/stages/" + shortLived,
                organization.apiKey(), null, null);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
    }

    private String createDeal(TestOrganization organization, Map<String, Object> body) {
        Response created = api.post("/api/v1/deals", organization.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private void dealCommand(TestOrganization organization, String dealId, String action, Map<String, Object> body) {
        Response response = api.post("/api/v1/deals/" + dealId + "/" + action, organization.apiKey(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private UUID order(TestOrganization organization, UUID person, String shippingMethod,
                       List<Map<String, Object>> items) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("personId", person.toString(), "items", items));
        if (shippingMethod != null) {
            body.put("shippingMethod", shippingMethod);
            body.put("shipping", Map.of("amount", "3.50", "currency", "EUR"));
        }
        Response created = api.post("/api/v1/orders", organization.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private void command(TestOrganization organization, UUID orderId, String action, Map<String, Object> body) {
        Response response = api.post("/api/v1/orders/" + orderId + "/" + action, organization.apiKey(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private UUID record(TestOrganization organization, String type, Map<String, Object> properties) {
        Response created = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", type,
                "properties", properties));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private UUID person(TestOrganization organization, String email, String source) {
        Response created = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", email,
                "firstName", "F", "lastName", "L", "source", source));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private UUID address(TestOrganization organization, UUID owner, String type) {
        Response created = api.post("/api/v1/addresses", organization.apiKey(), Map.of("entityType", "person",
                "entityId", owner.toString(), "type", type, "lines", List.of("1 Replay Road"), "city", "Leeds",
                "countryCode", "GB"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private void awaitCaughtUp(String group, long head) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = api.get("/api/v1/admin/projections/" + group, api.adminKey()).body();
            assertThat(status.get("replaying").asBoolean()).as(group + " replaying").isFalse();
            assertThat(status.get("position").asLong()).as(group + " position").isGreaterThanOrEqualTo(head);
        });
    }

    /**
     * The checksums once two reads 300 ms apart agree: a processor's position can be reported a moment before the
     * transaction of its last batch is visible, and a snapshot taken in that moment would miss the batch.
     */
    private Map<String, String> settledChecksums() {
        AtomicReference<Map<String, String>> previous = new AtomicReference<>(checksums());
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(300))
                .until(() -> {
                    Map<String, String> now = checksums();
                    return now.equals(previous.getAndSet(now)) ? now : null;
                }, java.util.Objects::nonNull);
    }

    /** PostgreSQL's row versions (xmin): a re-inserted row has a new one. */
    private List<String> physicalTuples(UUID organizationId) {
        return jdbc.queryForList("SELECT xmin::text FROM identity.person WHERE organization_id = ? UNION ALL "
                + "SELECT xmin::text FROM shared.address WHERE organization_id = ?", String.class, organizationId,
                organizationId);
    }

    /** Every row of a table by id, as JSON text, for a readable difference. */
    private Map<String, Object> rowsOf(String table) {
        Map<String, Object> rows = new java.util.TreeMap<>();
        jdbc.queryForList("SELECT id::text AS id, to_jsonb(t)::text AS row FROM " + table + " t")
                .forEach(row -> rows.put((String) row.get("id"), row.get("row")));
        return rows;
    }

    /** md5 of every row of each table, in key order. */
    private Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : TABLES) {
            sums.put(table, jdbc.queryForObject("SELECT coalesce(md5(string_agg(to_jsonb(t)::text, '|' "
                    + "ORDER BY to_jsonb(t)::text)), 'empty') FROM " + table + " t", String.class));
        }
        return sums;
    }
}
