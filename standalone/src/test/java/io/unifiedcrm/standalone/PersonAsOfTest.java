package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The person 360 as of a past instant ({@code GET /persons/{id}?asOf=}): computed from the events up to that instant,
 * it equals what the live read answered at that instant — a lead before the first order, a customer with that order's
 * statistics after it, deals and activities only once they were logged, a merged person's data only after the merge —
 * and it leaves every live read-model row exactly as it was.
 */
class PersonAsOfTest extends StandaloneTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);
    /** Every live read-model table an asOf read deletes from and rebuilds, inside its rolled-back transaction. */
    private static final List<String> LIVE_TABLES = List.of("identity.person", "identity.person_order",
            "identity.lead_score_entry", "commerce.customer", "commerce.orders", "commerce.order_line",
            "commerce.payment", "crm.contact", "crm.deal", "crm.deal_stage_history", "crm.activity",
            "crm.order_total", "shared.address");

    @Test
    void theAsOfReadEqualsWhatTheLiveReadAnsweredAtThatInstantAndChangesNothing() {
        TestOrganization organization = api.createOrganization("As Of GmbH");
        String key = organization.apiKey();
        Instant beforeThePerson = Instant.now();

        // 1. a lead from the lead form, with a home address
        UUID ada = created(api.post("/api/v1/persons", key, Map.of("email", "ada@asof.example", "firstName", "Ada",
                "lastName", "Lead", "source", "lead_form")));
        ok(api.post("/api/v1/addresses", key, Map.of("entityType", "person", "entityId", ada.toString(), "type",
                "home", "lines", List.of("1 Lead Lane"), "city", "Berlin", "countryCode", "DE")));
        JsonNode asLead = live(organization, ada, body -> body.path("contact").path("leadStatus").asText()
                .equals("new") && body.path("addresses").size() == 1
                && body.path("flags").path("lifecycleStage").asText().equals("lead"));
        Instant lead = Instant.now();

        // 2. an order placed, paid in full, shipped and completed: a customer
        UUID product = created(api.post("/api/v1/products", key, Map.of("sku", "ASOF-1", "name", "Mug", "price",
                Map.of("amount", "10.00", "currency", "EUR"))));
        ok(api.post("/api/v1/products/" + product + "/restock", key, Map.of("quantity", 10)));
        UUID order = created(api.post("/api/v1/orders", key, Map.of("personId", ada.toString(), "items",
                List.of(Map.of("productId", product.toString(), "quantity", 2)))));
        ok(api.post("/api/v1/orders/" + order + "/place", key, null));
        String total = live(organization, ada, body -> body.path("orders").path("recent").path(0).path("status")
                .asText().equals("placed")).get("orders").get("recent").get(0).get("total").get("amount").asText();
        ok(api.post("/api/v1/orders/" + order + "/pay", key, Map.of("amount", Map.of("amount", total, "currency",
                "EUR"), "method", "card")));
        ok(api.post("/api/v1/orders/" + order + "/fulfil", key, Map.of()));
        ok(api.post("/api/v1/orders/" + order + "/complete", key, null));
        JsonNode asCustomer = live(organization, ada, body -> body.path("orders").path("recent").path(0)
                .path("status").asText().equals("completed") && body.path("customer").path("orderCount").asInt() == 1
                && body.path("customer").path("preferredPaymentMethod").asText().equals("card")
                && body.path("flags").path("lifecycleStage").asText().equals("customer")
                && body.path("flags").path("leadScore").asInt() == 20
                && body.path("activities").path("count").asInt() == 1
                && body.path("contact").has("lastPurchaseAt"));
        Instant customer = Instant.now();

        // 3. a deal, a meeting that took place, a connected call and a note
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        created(api.post("/api/v1/deals", key, Map.of("name", "Big deal", "personId", ada.toString(), "amount",
                Map.of("amount", "500.00", "currency", "EUR"))));
        created(api.post("/api/v1/activities", key, Map.of("type", "meeting", "personId", ada.toString(), "subject",
                "Demo", "startAt", now.minus(2, ChronoUnit.HOURS).toString(), "endAt",
                now.minus(1, ChronoUnit.HOURS).toString())));
        created(api.post("/api/v1/activities", key, Map.of("type", "call", "personId", ada.toString(), "outcome",
                "connected", "durationSeconds", 120, "occurredAt", now.minus(30, ChronoUnit.MINUTES).toString())));
        created(api.post("/api/v1/activities", key, Map.of("type", "note", "personId", ada.toString(), "body",
                "Wants more mugs.")));
        JsonNode withDeal = live(organization, ada, body -> body.path("deals").path("openCount").asInt() == 1
                && body.path("activities").path("count").asInt() == 4
                && body.path("contact").path("lastContactedAt").asText().equals(
                        now.minus(30, ChronoUnit.MINUTES).toString())
                && body.path("flags").path("leadScore").asInt() == 20 + 15 + 10 + 5);
        Instant dealt = Instant.now();

        // 4. another person with an order and a note of their own, then merged into Ada
        UUID bob = created(api.post("/api/v1/persons", key, Map.of("email", "bob@asof.example", "firstName", "Bob",
                "lastName", "Merged", "phone", "+49 30 1234567")));
        ok(api.post("/api/v1/activities", key, Map.of("type", "note", "personId", bob.toString(), "body",
                "Bob's note")));
        UUID bobsOrder = created(api.post("/api/v1/orders", key, Map.of("personId", bob.toString(), "items",
                List.of(Map.of("productId", product.toString(), "quantity", 1)))));
        ok(api.post("/api/v1/orders/" + bobsOrder + "/place", key, null));
        live(organization, bob, body -> body.path("activities").path("count").asInt() == 1
                && body.path("orders").path("recent").path(0).path("status").asText().equals("placed")
                && body.path("customer").path("orderCount").asInt() == 1);
        JsonNode beforeTheMerge = live(organization, ada, body -> true);
        Instant unmerged = Instant.now();
        ok(api.post("/api/v1/persons/" + ada + "/merge", key, Map.of("sourcePersonId", bob.toString())));
        JsonNode merged = live(organization, ada, body -> body.path("activities").path("count").asInt() == 5
                && body.path("orders").path("count").asInt() == 2 && body.path("customer").path("orderCount").asInt() == 2
                && "+49301234567".equals(body.path("phone").asText()));
        Instant afterTheMerge = Instant.now();

        Map<String, String> liveRows = liveRows(organization.id());

        // the asOf reads: each equals the live read of its instant, field by field
        assertThat(asOf(organization, ada, beforeThePerson).status()).as("before the person existed").isEqualTo(404);
        JsonNode thenLead = sameAsLive(organization, ada, lead, asLead);
        assertThat(thenLead.get("orders").get("count").asInt()).as("no order yet").isZero();
        assertThat(thenLead.get("flags").get("lifecycleStage").asText()).isEqualTo("lead");
        assertThat(thenLead.has("customer")).as("no customer statistics yet").isFalse();
        assertThat(thenLead.get("asOf").asText()).isEqualTo(lead.toString());

        JsonNode thenCustomer = sameAsLive(organization, ada, customer, asCustomer);
        assertThat(thenCustomer.get("orders").get("recent").get(0).get("id").asText()).isEqualTo(order.toString());
        assertThat(thenCustomer.get("customer").get("orderCount").asInt()).isEqualTo(1);
        assertThat(thenCustomer.get("customer").get("totalSpent").get("amount").asText()).isEqualTo(
                asCustomer.get("customer").get("totalSpent").get("amount").asText());
        assertThat(thenCustomer.get("flags").get("lifecycleStage").asText()).isEqualTo("customer");
        assertThat(thenCustomer.get("deals").get("openCount").asInt()).as("no deal yet").isZero();

        JsonNode thenDealt = sameAsLive(organization, ada, dealt, withDeal);
        assertThat(thenDealt.get("deals").get("open").get(0).get("name").asText()).isEqualTo("Big deal");

        JsonNode thenUnmerged = sameAsLive(organization, ada, unmerged, beforeTheMerge);
        assertThat(thenUnmerged.get("activities").get("count").asInt()).as("Bob's note is Bob's").isEqualTo(4);
        assertThat(thenUnmerged.get("orders").get("count").asInt()).isEqualTo(1);
        assertThat(thenUnmerged.path("phone").asText()).as("no phone yet").isNotEqualTo("+49301234567");
        JsonNode bobThen = asOf(organization, bob, unmerged).body();
        assertThat(bobThen.path("mergedIntoId").isNull()).as("Bob not merged yet: " + bobThen).isTrue();
        assertThat(bobThen.get("activities").get("count").asInt()).isEqualTo(1);

        JsonNode thenMerged = sameAsLive(organization, ada, afterTheMerge, merged);
        assertThat(thenMerged.get("activities").get("count").asInt()).as("Bob's note after the merge").isEqualTo(5);
        assertThat(thenMerged.get("customer").get("orderCount").asInt()).isEqualTo(2);
        assertThat(asOf(organization, bob, afterTheMerge).body().get("mergedIntoId").asText())
                .isEqualTo(ada.toString());

        assertThat(liveRows(organization.id())).as("the live read models are untouched").isEqualTo(liveRows);
        assertThat(strip(api.get("/api/v1/persons/" + ada, key).body())).as("and read as before")
                .isEqualTo(strip(merged));

        // another organization's person is unknown, at any instant; a malformed or future asOf is a 400
        TestOrganization other = api.createOrganization("Other As Of GmbH");
        assertThat(asOf(other, ada, afterTheMerge).status()).isEqualTo(404);
        Response malformed = api.get("/api/v1/persons/" + ada + "?asOf=yesterday", key);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.raw().headers().firstValue("Content-Type").orElse(""))
                .contains("application/problem+json");
        assertThat(malformed.body().get("code").asText()).isEqualTo("invalid_as_of");
        Response future = asOf(organization, ada, Instant.now().plus(1, ChronoUnit.HOURS));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().get("code").asText()).isEqualTo("invalid_as_of");
        Response offset = api.get("/api/v1/persons/" + ada + "?asOf="
                + customer.atOffset(java.time.ZoneOffset.ofHours(2)).toString().replace("+", "%2B"), key);
        assertThat(strip(offset.body())).as("any offset").isEqualTo(strip(thenCustomer));
    }

    @Test
    void aDealMovedToAnotherPersonAndAnUnmergedPersonAreWhereTheyWereAtTheInstant() {
        TestOrganization organization = api.createOrganization("Moved Deal GmbH");
        String key = organization.apiKey();
        UUID ada = created(api.post("/api/v1/persons", key, Map.of("email", "ada@moved.example", "firstName", "Ada",
                "lastName", "First")));
        UUID bob = created(api.post("/api/v1/persons", key, Map.of("email", "bob@moved.example", "firstName", "Bob",
                "lastName", "Second")));
        UUID deal = created(api.post("/api/v1/deals", key, Map.of("name", "Moving deal", "personId", ada.toString())));
        JsonNode adaWithTheDeal = live(organization, ada, body -> body.path("deals").path("openCount").asInt() == 1);
        Instant adasDeal = Instant.now();
        ok(api.patch("/api/v1/deals/" + deal, key, Map.of("personId", bob.toString())));
        live(organization, bob, body -> body.path("deals").path("openCount").asInt() == 1);
        ok(api.post("/api/v1/persons/" + ada + "/merge", key, Map.of("sourcePersonId", bob.toString())));
        live(organization, bob, body -> body.path("mergedIntoId").asText().equals(ada.toString()));
        live(organization, ada, body -> body.path("deals").path("openCount").asInt() == 1);
        Instant mergedThen = Instant.now();
        ok(api.post("/api/v1/persons/" + ada + "/unmerge", key, Map.of("sourcePersonId", bob.toString())));
        live(organization, bob, body -> body.path("mergedIntoId").isNull() || body.path("mergedIntoId").isMissingNode());
        live(organization, ada, body -> body.path("deals").path("openCount").asInt() == 0);

        JsonNode thenAda = sameAsLive(organization, ada, adasDeal, adaWithTheDeal);
        assertThat(thenAda.get("deals").get("open").get(0).get("id").asText()).isEqualTo(deal.toString());
        assertThat(asOf(organization, bob, adasDeal).body().get("deals").get("openCount").asInt())
                .as("Bob had no deal yet").isZero();
        JsonNode merged = asOf(organization, ada, mergedThen).body();
        assertThat(merged.get("deals").get("openCount").asInt()).as("Bob's deal while Bob was merged into Ada: "
                + merged).isEqualTo(1);
        assertThat(asOf(organization, ada, Instant.now()).body().get("deals").get("openCount").asInt())
                .as("after the unmerge").isZero();
    }

    @Test
    void theBackfillOfTheReferencesWritesWhatTheCommandSideWritesWithTheEvents() throws Exception {
        TestOrganization organization = api.createOrganization("References GmbH");
        String key = organization.apiKey();
        UUID ada = created(api.post("/api/v1/persons", key, Map.of("email", "ada@refs.example", "firstName", "Ada",
                "lastName", "Refs")));
        UUID bob = created(api.post("/api/v1/persons", key, Map.of("email", "bob@refs.example", "firstName", "Bob",
                "lastName", "Refs")));
        ok(api.post("/api/v1/addresses", key, Map.of("entityType", "person", "entityId", ada.toString(), "type",
                "home", "lines", List.of("1 Ref Road"), "city", "Berlin", "countryCode", "DE")));
        UUID deal = created(api.post("/api/v1/deals", key, Map.of("name", "Referring deal", "personId",
                ada.toString())));
        ok(api.patch("/api/v1/deals/" + deal, key, Map.of("personId", bob.toString())));
        created(api.post("/api/v1/activities", key, Map.of("type", "note", "personId", bob.toString(), "body",
                "A note")));
        ok(api.post("/api/v1/persons/" + ada + "/merge", key, Map.of("sourcePersonId", bob.toString())));
        String rows = """
                SELECT string_agg(person_id || ' ' || kind || ' ' || referrer_id || ' ' || first_at, ', '
                                  ORDER BY person_id, kind, referrer_id)
                FROM identity.person_reference WHERE organization_id = ?""";
        String written = jdbc.queryForObject(rows, String.class, organization.id());
        assertThat(written).contains(ada + " aggregate " + deal).contains(bob + " aggregate " + deal)
                .contains(ada + " merged " + bob);

        jdbc.update("DELETE FROM identity.person_reference WHERE organization_id = ?", organization.id());
        String backfill = new String(getClass().getResourceAsStream(
                "/db/migration/command-side/V2_8__person_reference_backfill.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        jdbc.execute(backfill);

        assertThat(jdbc.queryForObject(rows, String.class, organization.id())).isEqualTo(written);
    }

    /** The asOf read of that instant, compared to the live read captured then. */
    private JsonNode sameAsLive(TestOrganization organization, UUID person, Instant at, JsonNode live) {
        Response response = asOf(organization, person, at);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(strip(response.body())).as("as of " + at).isEqualTo(strip(live));
        return response.body();
    }

    private Response asOf(TestOrganization organization, UUID person, Instant at) {
        return api.get("/api/v1/persons/" + person + "?asOf=" + at, organization.apiKey());
    }

    /**
     * Without what depends on the clock when read (the customer's recency segment), the echoed asOf, and the linked
     * records that asOf reads leave out.
     */
    private static JsonNode strip(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("asOf");
        copy.remove("records");
        if (copy.get("customer") instanceof ObjectNode customer) {
            customer.remove("recencySegment");
        }
        if (copy.get("contact") instanceof ObjectNode contact) {
            contact.remove("recordId");
        }
        return copy;
    }

    private JsonNode live(TestOrganization organization, UUID person, Predicate<JsonNode> caughtUp) {
        return await().atMost(PROJECTED).until(() -> {
            Response response = api.get("/api/v1/persons/" + person, organization.apiKey());
            return response.status() == 200 ? response.body() : null;
        }, body -> body != null && caughtUp.test(body));
    }

    /** Per table, a checksum of the organization's rows with their row versions (xmin): any committed change shows. */
    private Map<String, String> liveRows(UUID organizationId) {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : LIVE_TABLES) {
            checksums.put(table, jdbc.queryForObject("""
                    SELECT count(*) || ':' || md5(coalesce(string_agg(t.xmin::text || to_jsonb(t)::text, '|'
                                                                      ORDER BY to_jsonb(t)::text), ''))
                    FROM %s t WHERE organization_id = ?""".formatted(table), String.class, organizationId));
        }
        assertThat(checksums.get("crm.deal")).startsWith("1:");
        assertThat(checksums.get("commerce.orders")).startsWith("2:");
        return checksums;
    }

    private static UUID created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.body().get("id").asText());
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
