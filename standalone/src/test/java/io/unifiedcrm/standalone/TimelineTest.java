package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.crm.pipeline.command.DefaultPipeline;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/persons/{id}/timeline} over HTTP: a person's profile change, e-mail verification, an order placed
 * and paid, a deal moved and won, a call, a custom record and its association, then a merge with another person —
 * every entry in time order with its type, actor (the API key that sent the request) and correlation id (the
 * request's X-Correlation-Id); paging, the category filter, the unmerge, and another organization's 404.
 */
class TimelineTest extends StandaloneTest {

    private TestOrganization organization;
    private String firstKeyActor;
    private String secondKey;
    private String secondKeyActor;

    @BeforeEach
    void organizationWithTwoKeys() {
        organization = api.createOrganization("Timeline GmbH");
        String keys = "/api/v1/organizations/" + organization.id() + "/api-keys";
        firstKeyActor = "apiKey:" + api.get(keys, organization.apiKey()).body().get("items").get(0).get("id")
                .asText();
        Response issued = api.post(keys, organization.apiKey(), Map.of("access", "read_write"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        secondKey = issued.body().get("apiKey").asText();
        secondKeyActor = "apiKey:" + issued.body().get("id").asText();
    }

    @Test
    void everythingThatHappenedToAPersonInTimeOrderWithActorAndCorrelation() {
        String key = organization.apiKey();
        UUID ada = created(send("POST", "/api/v1/persons", key, Map.of("email", "ada@timeline.example",
                "firstName", "Ada", "lastName", "Lovelace"), "tl-ada"));
        ok(send("PATCH", "/api/v1/persons/" + ada, key, Map.of("middleName", "Augusta"), "tl-profile"));
        ok(send("POST", "/api/v1/persons/" + ada + "/email-verification", key, null, "tl-verify"));

        UUID mug = created(api.post("/api/v1/products", key, Map.of("sku", "MUG-T", "name", "Mug",
                "price", Map.of("amount", "10.00", "currency", "EUR"))));
        ok(api.post("/api/v1/products/" + mug + "/restock", key, Map.of("quantity", 5)));
        UUID order = created(send("POST", "/api/v1/orders", key, Map.of("personId", ada.toString(), "items",
                List.of(Map.of("productId", mug.toString(), "quantity", 2))), "tl-order"));
        ok(send("POST", "/api/v1/orders/" + order + "/place", key, null, "tl-place"));
        ok(send("POST", "/api/v1/orders/" + order + "/pay", secondKey, Map.of("amount", Map.of("amount", "20.00",
                "currency", "EUR"), "method", "card"), "tl-pay"));

        UUID deal = created(send("POST", "/api/v1/deals", key, Map.of("name", "Renewal", "personId", ada.toString(),
                "amount", Map.of("amount", "500", "currency", "EUR")), "tl-deal"));
        ok(send("POST", "/api/v1/deals/" + deal + "/stage", key, Map.of("stageId",
                DefaultPipeline.stageIdOf(organization.id(), "qualified_to_buy").toString()), "tl-stage"));
        ok(send("POST", "/api/v1/deals/" + deal + "/won", secondKey, null, "tl-won"));
        UUID call = created(send("POST", "/api/v1/activities", key, Map.of("type", "call", "personId",
                ada.toString(), "outcome", "connected", "durationSeconds", 300), "tl-call"));

        assertThat(api.post("/api/v1/object-definitions", key, Map.of("name", "subscription", "pluralName",
                "subscriptions", "schema", Map.of("type", "object", "properties", Map.of("plan",
                        Map.of("type", "string"))), "displayProperty", "plan")).status()).isEqualTo(201);
        ok(api.post("/api/v1/object-definitions/subscription/associations", key, Map.of("toObjectType", "company",
                "label", "billed_to", "inverseLabel", "subscription")));
        UUID subscription = created(send("POST", "/api/v1/records", key, Map.of("objectType", "subscription",
                "personId", ada.toString(), "properties", Map.of("plan", "pro")), "tl-record"));
        UUID acme = created(api.post("/api/v1/records", key, Map.of("objectType", "company", "properties",
                Map.of("name", "Acme"))));
        ok(send("POST", "/api/v1/records/" + subscription + "/associations", key, Map.of("toRecordId",
                acme.toString(), "label", "billed_to"), "tl-associate"));

        UUID bob = created(send("POST", "/api/v1/persons", key, Map.of("email", "bob@timeline.example",
                "firstName", "Bob", "lastName", "Babbage"), "tl-bob"));
        UUID note = created(send("POST", "/api/v1/activities", key, Map.of("type", "note", "personId",
                bob.toString(), "body", "Met at the fair."), "tl-note"));
        ok(send("POST", "/api/v1/persons/" + ada + "/merge", key, Map.of("sourcePersonId", bob.toString()),
                "tl-merge"));

        List<String> expected = List.of(
                "person.created " + ada + " " + ada + " " + firstKeyActor + " tl-ada",
                "person.profile_changed " + ada + " " + ada + " " + firstKeyActor + " tl-profile",
                "person.email_verified " + ada + " " + ada + " " + firstKeyActor + " tl-verify",
                "customer.created " + ada + " " + ada + " " + firstKeyActor + " tl-order",
                "order.created " + ada + " " + order + " " + firstKeyActor + " tl-order",
                "order.placed " + ada + " " + order + " " + firstKeyActor + " tl-place",
                "order.payment_recorded " + ada + " " + order + " " + secondKeyActor + " tl-pay",
                "deal.created " + ada + " " + deal + " " + firstKeyActor + " tl-deal",
                "deal.stage_moved " + ada + " " + deal + " " + firstKeyActor + " tl-stage",
                "deal.won " + ada + " " + deal + " " + secondKeyActor + " tl-won",
                "activity.created " + ada + " " + call + " " + firstKeyActor + " tl-call",
                "record.created " + ada + " " + subscription + " " + firstKeyActor + " tl-record",
                "record.associated " + ada + " " + subscription + " " + firstKeyActor + " tl-associate",
                "person.created " + bob + " " + bob + " " + firstKeyActor + " tl-bob",
                "activity.created " + bob + " " + note + " " + firstKeyActor + " tl-note",
                "person.merged " + ada + " " + ada + " " + firstKeyActor + " tl-merge",
                "person.merged_into " + bob + " " + bob + " " + firstKeyActor + " tl-merge");
        List<JsonNode> timeline = await().atMost(Duration.ofSeconds(20)).until(() -> allPages(ada, 200, null),
                entries -> entries.size() >= expected.size());
        List<String> newestFirst = new ArrayList<>(expected);
        java.util.Collections.reverse(newestFirst);
        assertThat(timeline.stream().map(TimelineTest::described).toList()).as("newest first")
                .containsExactlyElementsOf(newestFirst);
        for (int i = 1; i < timeline.size(); i++) {
            assertThat(Instant.parse(timeline.get(i).get("occurredAt").asText()))
                    .isBeforeOrEqualTo(Instant.parse(timeline.get(i - 1).get("occurredAt").asText()));
        }
        assertThat(timeline).allSatisfy(entry -> {
            assertThat(entry.get("type").asText()).startsWith(entry.get("category").asText() + ".");
            assertThat(entry.get("summary").asText()).isNotBlank();
        });

        JsonNode placed = entry(timeline, "order.placed");
        assertThat(placed.get("summary").asText()).isEqualTo("Order placed: 20.00 EUR");
        assertThat(placed.at("/details/total/amount").asText()).isEqualTo("20.0000");
        JsonNode paid = entry(timeline, "order.payment_recorded");
        assertThat(paid.at("/details/amount").toString()).isEqualTo("{\"amount\":\"20.0000\",\"currency\":\"EUR\"}");
        assertThat(paid.at("/details/paymentStatus").asText()).isEqualTo("paid");
        JsonNode moved = entry(timeline, "deal.stage_moved");
        assertThat(moved.get("summary").asText())
                .isEqualTo("Deal “Renewal” moved from “Appointment scheduled” to “Qualified to buy”");
        assertThat(moved.at("/details/stageId").asText())
                .isEqualTo(DefaultPipeline.stageIdOf(organization.id(), "qualified_to_buy").toString());
        assertThat(entry(timeline, "deal.won").get("summary").asText()).isEqualTo("Deal “Renewal” won: 500.00 EUR");
        assertThat(entry(timeline, "record.associated").get("summary").asText())
                .isEqualTo("Subscription “pro” associated with Company “Acme” (billed_to)");
        assertThat(entry(timeline, "person.merged").get("summary").asText())
                .isEqualTo("Merged “Bob Babbage” into this person");
        assertThat(entry(timeline, "person.merged").at("/details/sourcePersonId").asText()).isEqualTo(bob.toString());

        List<JsonNode> paged = allPages(ada, 4, null);
        assertThat(paged.stream().map(entry -> entry.get("id").asText()).toList()).as("small pages, no repeats")
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(timeline.stream().map(entry -> entry.get("id").asText()).toList());

        assertThat(allPages(ada, 2, "order").stream().map(entry -> entry.get("type").asText()).toList())
                .containsExactly("order.payment_recorded", "order.placed", "order.created");
        assertThat(allPages(ada, 50, "deal,activity").stream().map(entry -> entry.get("type").asText()).toList())
                .containsExactly("activity.created", "activity.created", "deal.won", "deal.stage_moved",
                        "deal.created");
        assertThat(api.get("/api/v1/persons/" + ada + "/timeline?category=invoice", key).body().get("code").asText())
                .isEqualTo("invalid_filter");
        assertThat(api.get("/api/v1/persons/" + ada + "/timeline?cursor=bm9wZQ", key).body().get("code").asText())
                .isEqualTo("invalid_cursor");

        assertThat(allPages(bob, 50, null).stream().map(entry -> entry.get("type").asText()).toList())
                .as("the merged person's own timeline").containsExactly("person.merged_into", "activity.created",
                        "person.created");
        ok(send("POST", "/api/v1/persons/" + ada + "/unmerge", key, Map.of("sourcePersonId", bob.toString()),
                "tl-unmerge"));
        List<JsonNode> afterUnmerge = await().atMost(Duration.ofSeconds(20)).until(() -> allPages(ada, 200, null),
                entries -> entries.get(0).get("type").asText().equals("person.unmerged"));
        assertThat(afterUnmerge).as("Bob's entries went back with him").hasSize(15)
                .noneMatch(entry -> entry.get("personId").asText().equals(bob.toString()));
        assertThat(described(afterUnmerge.get(0)))
                .isEqualTo("person.unmerged " + ada + " " + ada + " " + firstKeyActor + " tl-unmerge");
        assertThat(await().atMost(Duration.ofSeconds(20)).until(() -> allPages(bob, 50, null),
                entries -> entries.size() == 4).get(0).get("type").asText()).isEqualTo("person.restored");
    }

    @Test
    void anotherOrganizationsPersonIsNotFoundLikeAMissingOne() {
        UUID ada = api.createPerson(organization, "ada@timeline-tenant.example", "Ada", "Lovelace");
        await().atMost(Duration.ofSeconds(20)).until(() -> allPages(ada, 10, null).size() == 1);
        TestOrganization other = api.createOrganization("Other Timeline GmbH");

        Response foreign = api.get("/api/v1/persons/" + ada + "/timeline", other.apiKey());
        Response missing = api.get("/api/v1/persons/" + UUID.randomUUID() + "/timeline", other.apiKey());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        for (String member : List.of("type", "title", "status", "detail", "code")) {
            assertThat(foreign.body().get(member)).as(member).isEqualTo(missing.body().get(member));
        }
        assertThat(foreign.body().has("items")).isFalse();
    }

    /** type, person, aggregate, actor and correlation id of an entry. */
    private static String described(JsonNode entry) {
        return entry.get("type").asText() + " " + entry.get("personId").asText() + " "
                + entry.get("aggregateId").asText() + " " + entry.get("actor").asText() + " "
                + entry.get("correlationId").asText();
    }

    private static JsonNode entry(List<JsonNode> timeline, String type) {
        return timeline.stream().filter(entry -> entry.get("type").asText().equals(type)).findFirst().orElseThrow();
    }

    /** Every page of a person's timeline, following nextCursor; each page holds at most {@code limit} entries. */
    private List<JsonNode> allPages(UUID person, int limit, String category) {
        List<JsonNode> entries = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            Response page = api.get("/api/v1/persons/" + person + "/timeline?limit=" + limit
                    + (category == null ? "" : "&category=" + category)
                    + (cursor == null ? "" : "&cursor=" + cursor), organization.apiKey());
            if (page.status() == 404) {
                return List.of(); // the person's row is not projected yet
            }
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.body().get("items").size()).isLessThanOrEqualTo(limit);
            page.body().get("items").forEach(entries::add);
            cursor = page.body().get("nextCursor").isNull() ? null : page.body().get("nextCursor").asText();
            assertThat(cursor == null || cursors.add(cursor)).as("a new cursor").isTrue();
        } while (cursor != null);
        return entries;
    }

    private Response send(String method, String path, String credential, Object body, String correlationId) {
        return api.send(method, path, credential, method.equals("PATCH") ? "application/merge-patch+json"
                : "application/json", body, Map.of("X-Correlation-Id", correlationId));
    }

    private static UUID created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.body().get("id").asText());
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
