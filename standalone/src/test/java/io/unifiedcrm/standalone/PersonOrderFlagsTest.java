package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A person's computed flags from the commerce order events (rulebook version 3), read over HTTP from
 * {@code GET /api/v1/persons/{id}}: hasOrdered at the first placed order, customer at the first fully paid order,
 * evangelist at the third completed order, customerValue = payments − refunds, across merges and unmerges, and an
 * explicit stage still wins. Order events do not move the person's version, so a test waits either for the flag it
 * expects to change or, to see that nothing changed, for a person created after the orders' events (the identity
 * processing group handles an organization's events one after the other, in the order of the stream).
 */
class PersonOrderFlagsTest extends StandaloneTest {

    /** Reads amounts exactly as sent (29.9000 stays 29.9000), not as doubles. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);

    private int barriers;

    @Test
    void aCartChangesNothingAPlacedOrderIsOrderedAndTheFirstFullyPaidOrderMakesACustomer() {
        TestOrganization organization = api.createOrganization("Order Flags GmbH");
        UUID ada = api.createPerson(organization, "ada@order-flags.example", "Ada", "Lovelace");
        UUID mug = product(organization, "MUG-1", "12.50", 100);
        UUID order = cart(organization, ada, mug, 2, "4.90"); // 2 × 12.50 + 4.90 shipping = 29.90

        awaitEventsOfOrganizationHandled(organization);
        assertFlags(flags(organization, ada), "visitor", false, false, "0.0000");

        ok(api.post("/api/v1/orders/" + order + "/place", organization.apiKey(), null));
        JsonNode placed = flagsWhen(organization, ada, flags -> flags.get("hasOrdered").asBoolean());
        assertFlags(placed, "visitor", false, true, "0.0000");

        pay(organization, order, "10.00");
        JsonNode partlyPaid = flagsWhen(organization, ada, flags -> value(flags).signum() > 0);
        assertFlags(partlyPaid, "visitor", false, true, "10.0000");

        pay(organization, order, "19.90");
        JsonNode paid = flagsWhen(organization, ada, flags -> flags.get("isCustomer").asBoolean());
        assertFlags(paid, "customer", true, true, "29.9000");

        refund(organization, order, "5.25");
        JsonNode refunded = flagsWhen(organization, ada, flags -> !value(flags).equals(new BigDecimal("29.9000")));
        assertFlags(refunded, "customer", true, true, "24.6500");
    }

    @Test
    void cartsCancelledCartsAndRejectedOrdersChangeNothingButACancelledPlacedOrderStaysOrdered() {
        TestOrganization organization = api.createOrganization("Order Cancel GmbH");
        UUID ada = api.createPerson(organization, "ada@order-cancel.example", "Ada", "Lovelace");
        UUID lamp = product(organization, "LAMP-1", "40.00", 1);
        cart(organization, ada, lamp, 1, null);
        UUID cancelledCart = cart(organization, ada, lamp, 1, null);
        ok(api.post("/api/v1/orders/" + cancelledCart + "/cancel", organization.apiKey(), null));
        UUID tooMany = cart(organization, ada, lamp, 2, null);
        Response rejected = api.post("/api/v1/orders/" + tooMany + "/place", organization.apiKey(), null);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(409);
        assertThat(rejected.body().get("code").asText()).isEqualTo("out_of_stock");

        awaitEventsOfOrganizationHandled(organization);
        assertFlags(flags(organization, ada), "visitor", false, false, "0.0000");

        UUID order = cart(organization, ada, lamp, 1, null);
        ok(api.post("/api/v1/orders/" + order + "/place", organization.apiKey(), null));
        pay(organization, order, "5.00");
        ok(api.post("/api/v1/orders/" + order + "/cancel", organization.apiKey(), Map.of("reason", "changed mind")));
        awaitEventsOfOrganizationHandled(organization);
        assertFlags(flags(organization, ada), "visitor", false, true, "5.0000");

        refund(organization, order, "5.00");
        JsonNode refunded = flagsWhen(organization, ada, flags -> value(flags).signum() == 0);
        assertFlags(refunded, "visitor", false, true, "0.0000");
    }

    @Test
    void theThirdCompletedOrderMakesAnEvangelistAndALaterRefundLowersOnlyTheValue() {
        TestOrganization organization = api.createOrganization("Order Evangelist GmbH");
        UUID ada = api.createPerson(organization, "ada@order-evangelist.example", "Ada", "Lovelace");
        UUID book = product(organization, "BOOK-1", "12.50", 10);
        UUID first = completedOrder(organization, ada, book);
        completedOrder(organization, ada, book);
        awaitEventsOfOrganizationHandled(organization);
        assertFlags(flags(organization, ada), "customer", true, true, "25.0000", 40);

        completedOrder(organization, ada, book);
        JsonNode evangelist = flagsWhen(organization, ada,
                flags -> flags.get("lifecycleStage").asText().equals("evangelist"));
        assertFlags(evangelist, "evangelist", true, true, "37.5000", 60);

        refund(organization, first, "12.50");
        JsonNode refunded = flagsWhen(organization, ada, flags -> !value(flags).equals(new BigDecimal("37.5000")));
        assertFlags(refunded, "evangelist", true, true, "25.0000", 60);
    }

    @Test
    void anOrderPaidInFullAfterARefundMakesACustomerOnlyWhenTheRefundIsMadeUpFor() {
        TestOrganization organization = api.createOrganization("Order Refund First GmbH");
        UUID ada = api.createPerson(organization, "ada@order-refund-first.example", "Ada", "Lovelace");
        UUID mug = product(organization, "MUG-2", "12.50", 10);
        UUID order = cart(organization, ada, mug, 2, "4.90");
        ok(api.post("/api/v1/orders/" + order + "/place", organization.apiKey(), null));
        pay(organization, order, "10.00");
        refund(organization, order, "4.00");
        pay(organization, order, "19.90"); // 29.90 paid, 4.00 of it refunded: 4.00 of 29.90 still due
        awaitEventsOfOrganizationHandled(organization);
        assertFlags(flags(organization, ada), "visitor", false, true, "25.9000");

        pay(organization, order, "4.00");
        JsonNode paid = flagsWhen(organization, ada, flags -> flags.get("isCustomer").asBoolean());
        assertFlags(paid, "customer", true, true, "29.9000");
    }

    @Test
    void aMergedPersonBringsItsOrdersToTheSurvivorAndAnUnmergeTakesThemBack() {
        TestOrganization organization = api.createOrganization("Order Merge GmbH");
        UUID ada = api.createPerson(organization, "ada@order-merge.example", "Ada", "Lovelace");
        UUID bob = api.createPerson(organization, "bob@order-merge.example", "Bob", "Byron");
        UUID mug = product(organization, "MUG-3", "12.50", 10);
        UUID adasOrder = cart(organization, ada, mug, 2, "4.90");
        ok(api.post("/api/v1/orders/" + adasOrder + "/place", organization.apiKey(), null));
        pay(organization, adasOrder, "10.00");
        UUID bobsOrder = cart(organization, bob, mug, 2, "4.90");
        ok(api.post("/api/v1/orders/" + bobsOrder + "/place", organization.apiKey(), null));
        pay(organization, bobsOrder, "29.90");
        assertFlags(flagsWhen(organization, ada, flags -> value(flags).signum() > 0),
                "visitor", false, true, "10.0000");
        assertFlags(flagsWhen(organization, bob, flags -> flags.get("isCustomer").asBoolean()),
                "customer", true, true, "29.9000");

        ok(api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString())));
        JsonNode merged = flagsWhen(organization, ada, flags -> flags.get("isCustomer").asBoolean());
        assertFlags(merged, "customer", true, true, "39.9000");

        refund(organization, bobsOrder, "9.90"); // an event of Bob's order while Bob is merged into Ada
        JsonNode refunded = flagsWhen(organization, ada, flags -> !value(flags).equals(new BigDecimal("39.9000")));
        assertFlags(refunded, "customer", true, true, "30.0000");

        ok(api.post("/api/v1/persons/" + ada + "/unmerge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString())));
        JsonNode adaAlone = flagsWhen(organization, ada, flags -> !flags.get("isCustomer").asBoolean());
        assertFlags(adaAlone, "visitor", false, true, "10.0000");
        JsonNode bobAlone = flagsWhen(organization, bob,
                flags -> value(flags).equals(new BigDecimal("20.0000")));
        assertFlags(bobAlone, "customer", true, true, "20.0000");
    }

    @Test
    void anExplicitStageStillWinsOverOrders() {
        TestOrganization organization = api.createOrganization("Order Explicit GmbH");
        UUID ada = api.createPerson(organization, "ada@order-explicit.example", "Ada", "Lovelace");
        ok(api.patch("/api/v1/persons/" + ada, organization.apiKey(), Map.of("lifecycleStage", "lead")));
        UUID mug = product(organization, "MUG-4", "12.50", 10);
        UUID order = cart(organization, ada, mug, 2, "4.90");
        ok(api.post("/api/v1/orders/" + order + "/place", organization.apiKey(), null));
        pay(organization, order, "29.90");

        JsonNode paid = flagsWhen(organization, ada, flags -> value(flags).signum() > 0);
        assertThat(paid.get("lifecycleStage").asText()).isEqualTo("lead");
        assertThat(paid.get("lifecycleStageExplicit").asBoolean()).isTrue();
        assertThat(paid.get("isLead").asBoolean()).isTrue();
        assertThat(paid.get("isCustomer").asBoolean()).isFalse();
        assertThat(paid.get("hasOrdered").asBoolean()).isTrue();
        assertThat(value(paid)).isEqualTo(new BigDecimal("29.9000"));

        ok(api.patch("/api/v1/persons/" + ada, organization.apiKey(), "{\"lifecycleStage\": null}"));
        JsonNode computed = flagsWhen(organization, ada, flags -> !flags.get("lifecycleStageExplicit").asBoolean());
        assertFlags(computed, "customer", true, true, "29.9000");
    }

    @Test
    void aReplayOfTheIdentityProjectionsRebuildsTheSameOrderRowsAndFlags() {
        TestOrganization organization = api.createOrganization("Order Replay GmbH");
        UUID ada = api.createPerson(organization, "ada@order-replay.example", "Ada", "Lovelace");
        UUID bob = api.createPerson(organization, "bob@order-replay.example", "Bob", "Byron");
        UUID book = product(organization, "BOOK-2", "12.50", 10);
        UUID first = completedOrder(organization, ada, book);
        refund(organization, first, "2.50");
        UUID cancelled = cart(organization, ada, book, 1, null);
        ok(api.post("/api/v1/orders/" + cancelled + "/place", organization.apiKey(), null));
        ok(api.post("/api/v1/orders/" + cancelled + "/cancel", organization.apiKey(), null));
        UUID bobsOrder = cart(organization, bob, book, 2, "4.90");
        ok(api.post("/api/v1/orders/" + bobsOrder + "/place", organization.apiKey(), null));
        pay(organization, bobsOrder, "7.00");
        ok(api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString())));
        pay(organization, bobsOrder, "22.90");
        awaitEventsOfOrganizationHandled(organization);
        assertFlags(flags(organization, ada), "customer", true, true, "39.9000", 20);
        Map<String, String> before = rowsOf(organization);
        assertThat(before).as("three order rows and two persons").hasSize(5);
        List<String> tuplesBefore = orderTuples(organization);

        Response replay = api.post("/api/v1/admin/projections/identity/replay", api.adminKey(), null);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(orderTuples(organization)).as("order rows were rebuilt").hasSize(3)
                    .doesNotContainAnyElementsOf(tuplesBefore);
            assertThat(rowsOf(organization)).isEqualTo(before);
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.get("/api/v1/admin/projections/identity",
                api.adminKey()).body().get("replaying").asBoolean());
    }

    @Test
    void theLeadScoreHistoryListsThePointsOfEveryScoringEventAcrossAMerge() {
        TestOrganization organization = api.createOrganization("Lead Score History GmbH");
        UUID ada = api.createPerson(organization, "ada@score-history.example", "Ada", "Lovelace");
        UUID bob = api.createPerson(organization, "bob@score-history.example", "Bob", "Byron");
        ok(api.post("/api/v1/persons/" + ada + "/email-verification", organization.apiKey(), null));
        ok(api.post("/api/v1/persons/" + ada + "/account-registration", organization.apiKey(), null));
        completedOrder(organization, ada, product(organization, "SCORE-1", "12.50", 1));
        ok(api.post("/api/v1/persons/" + bob + "/email-verification", organization.apiKey(), null));
        ok(api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString())));

        JsonNode score = await().atMost(PROJECTION_WAIT).until(
                () -> api.get("/api/v1/persons/" + ada + "/lead-score", organization.apiKey()).body(),
                body -> body != null && body.path("leadScore").asInt() == 50);
        assertThat(score.get("rulebookVersion").asText()).isEqualTo("4");
        List<String> entries = new ArrayList<>();
        score.get("entries").forEach(entry -> entries.add(entry.get("reason").asText() + " "
                + entry.get("points").asInt() + " " + (entry.get("personId").asText().equals(ada.toString())
                ? "ada" : "bob")));
        assertThat(entries).as("newest first").containsExactly("email_verified 10 bob", "purchase 20 ada",
                "account_registered 10 ada", "email_verified 10 ada");
        assertThat(flagsWhen(organization, ada, flags -> flags.get("leadScore").asInt() == 50)
                .get("leadScore").asInt()).isEqualTo(50);
        assertThat(api.get("/api/v1/persons/" + UUID.randomUUID() + "/lead-score", organization.apiKey()).status())
                .isEqualTo(404);
    }

    /** Placed, paid in full, shipped and completed: one unit at 12.50, no shipping. */
    private UUID completedOrder(TestOrganization organization, UUID person, UUID product) {
        UUID order = cart(organization, person, product, 1, null);
        ok(api.post("/api/v1/orders/" + order + "/place", organization.apiKey(), null));
        pay(organization, order, "12.50");
        ok(api.post("/api/v1/orders/" + order + "/fulfil", organization.apiKey(), null));
        ok(api.post("/api/v1/orders/" + order + "/complete", organization.apiKey(), null));
        return order;
    }

    private UUID product(TestOrganization organization, String sku, String price, int stock) {
        Response created = api.post("/api/v1/products", organization.apiKey(), Map.of("sku", sku, "name", sku,
                "price", Map.of("amount", price, "currency", "EUR")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID product = UUID.fromString(created.body().get("id").asText());
        ok(api.post("/api/v1/products/" + product + "/restock", organization.apiKey(), Map.of("quantity", stock)));
        return product;
    }

    private UUID cart(TestOrganization organization, UUID person, UUID product, int quantity, String shipping) {
        Map<String, Object> body = shipping == null
                ? Map.of("personId", person.toString(), "items", List.of(Map.of("productId", product.toString(),
                        "quantity", quantity)))
                : Map.of("personId", person.toString(), "shipping", Map.of("amount", shipping, "currency", "EUR"),
                        "items", List.of(Map.of("productId", product.toString(), "quantity", quantity)));
        Response created = api.post("/api/v1/orders", organization.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private void pay(TestOrganization organization, UUID order, String amount) {
        ok(api.post("/api/v1/orders/" + order + "/pay", organization.apiKey(), Map.of("amount",
                Map.of("amount", amount, "currency", "EUR"), "method", "card")));
    }

    private void refund(TestOrganization organization, UUID order, String amount) {
        ok(api.post("/api/v1/orders/" + order + "/refunds", organization.apiKey(), Map.of("amount",
                Map.of("amount", amount, "currency", "EUR"), "reason", "test")));
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /**
     * Waits until the identity projections handled every event of the organization appended so far: a person
     * created now is readable only after them (the group handles an organization's events in stream order).
     */
    private void awaitEventsOfOrganizationHandled(TestOrganization organization) {
        UUID marker = api.createPerson(organization, "barrier-" + ++barriers + "@order-flags.example", "Barrier",
                "Marker");
        await().atMost(PROJECTION_WAIT).until(
                () -> api.get("/api/v1/persons/" + marker, organization.apiKey()).status() == 200);
    }

    private JsonNode flags(TestOrganization organization, UUID person) {
        Response read = api.get("/api/v1/persons/" + person, organization.apiKey());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return flagsOf(read);
    }

    /** The flags once they meet {@code condition} (the person may not be readable yet at the first tries). */
    private JsonNode flagsWhen(TestOrganization organization, UUID person, Predicate<JsonNode> condition) {
        return await().atMost(PROJECTION_WAIT).until(() -> {
            Response read = api.get("/api/v1/persons/" + person, organization.apiKey());
            return read.status() == 200 ? flagsOf(read) : null;
        }, flags -> flags != null && condition.test(flags));
    }

    private static JsonNode flagsOf(Response read) {
        try {
            return EXACT.readTree(read.raw().body()).get("flags");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal value(JsonNode flags) {
        return new BigDecimal(flags.get("customerValue").asText());
    }

    private static void assertFlags(JsonNode flags, String stage, boolean customer, boolean ordered, String value) {
        assertFlags(flags, stage, customer, ordered, value, 0);
    }

    /** @param leadScore 20 points per completed order (rulebook 4): placing, paying and refunding earn none */
    private static void assertFlags(JsonNode flags, String stage, boolean customer, boolean ordered, String value,
                                    int leadScore) {
        assertThat(flags.get("lifecycleStage").asText()).as("lifecycleStage").isEqualTo(stage);
        assertThat(flags.get("lifecycleStageExplicit").asBoolean()).as("lifecycleStageExplicit").isFalse();
        assertThat(flags.get("isCustomer").asBoolean()).as("isCustomer").isEqualTo(customer);
        assertThat(flags.get("isLead").asBoolean()).as("isLead").isFalse();
        assertThat(flags.get("hasOrdered").asBoolean()).as("hasOrdered").isEqualTo(ordered);
        assertThat(value(flags)).as("customerValue").isEqualTo(new BigDecimal(value));
        assertThat(flags.get("leadScore").asInt()).as("leadScore").isEqualTo(leadScore);
        assertThat(flags.get("rulebookVersion").asText()).isEqualTo("4");
    }

    /** The organization's order rows and person rows, as JSON text by id. */
    private Map<String, String> rowsOf(TestOrganization organization) {
        Map<String, String> rows = new TreeMap<>();
        jdbc.queryForList("SELECT 'order ' || order_id AS id, to_jsonb(o)::text AS row FROM identity.person_order o "
                        + "WHERE organization_id = ? UNION ALL SELECT 'person ' || id, to_jsonb(p)::text "
                        + "FROM identity.person p WHERE organization_id = ? AND email NOT LIKE 'barrier-%'",
                        organization.id(), organization.id())
                .forEach(row -> rows.put((String) row.get("id"), (String) row.get("row")));
        return rows;
    }

    /** PostgreSQL's row versions (xmin) of the organization's order rows: a re-inserted row has a new one. */
    private List<String> orderTuples(TestOrganization organization) {
        return jdbc.queryForList("SELECT xmin::text FROM identity.person_order WHERE organization_id = ?",
                String.class, organization.id());
    }
}
