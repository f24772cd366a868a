package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The person 360 over HTTP: one read returns the person across every domain, for the person and everybody merged
 * into it, parts chosen with include=, in a bounded number of SQL statements however much the person has.
 */
class Person360Test extends StandaloneTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    @Autowired
    private SqlStatementCounter statements;

    @Test
    void oneReadShowsThePersonAcrossEveryDomainInTheSameNumberOfStatementsHoweverMuchTheyHave() {
        TestOrganization organization = api.createOrganization("Three Sixty GmbH");
        UUID bare = api.createPerson(organization, "bare@360.example", "Bare", "Person");
        UUID rich = api.createPerson(organization, "rich@360.example", "Rich", "Person");
        UUID merged = api.createPerson(organization, "merged@360.example", "Merged", "Person");
        ok(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", rich.toString(), "jobTitle",
                "Buyer")));
        ok(api.post("/api/v1/addresses", organization.apiKey(), Map.of("entityType", "person", "entityId",
                rich.toString(), "type", "home", "lines", List.of("1 Rich Road"), "city", "Berlin", "countryCode",
                "DE")));
        String product = created(api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "M-1", "name",
                "Mug", "price", Map.of("amount", "10.00", "currency", "EUR"))));
        ok(api.post("/api/v1/products/" + product + "/restock", organization.apiKey(), Map.of("quantity", 100)));
        ok(api.post("/api/v1/object-definitions/company/associations", organization.apiKey(), Map.of(
                "toObjectType", "contact", "label", "employs", "inverseLabel", "employer")));
        String company = created(api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "company",
                "properties", Map.of("name", "Rich Corp"))));
        for (int i = 0; i < 7; i++) {
            UUID buyer = i % 2 == 0 ? rich : merged;
            String order = created(api.post("/api/v1/orders", organization.apiKey(), Map.of("personId",
                    buyer.toString(), "items", List.of(Map.of("productId", product, "quantity", 1)))));
            ok(api.post("/api/v1/orders/" + order + "/place", organization.apiKey(), null));
            String deal = created(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "Deal " + i,
                    "personId", buyer.toString())));
            if (i < 3) {
                ok(api.post("/api/v1/deals/" + deal + "/won", organization.apiKey(), null));
            }
            ok(api.post("/api/v1/activities", organization.apiKey(), Map.of("type", "note", "personId",
                    buyer.toString(), "body", "Note " + i)));
            String record = created(api.post("/api/v1/records", organization.apiKey(), Map.of("objectType",
                    "contact", "personId", buyer.toString(), "properties", Map.of("name", "Card " + i))));
            if (i < 2) {
                ok(api.post("/api/v1/records/" + company + "/associations", organization.apiKey(),
                        Map.of("toRecordId", record, "label", "employs")));
            }
        }
        ok(api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name", "subscription",
                "pluralName", "subscriptions", "schema", Map.of("type", "object", "properties", Map.of("plan",
                        Map.of("type", "string"))), "displayProperty", "plan")));
        String subscription = created(api.post("/api/v1/records", organization.apiKey(), Map.of("objectType",
                "subscription", "personId", rich.toString(), "properties", Map.of("plan", "Gold"))));
        ok(api.post("/api/v1/persons/" + rich + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", merged.toString())));

        JsonNode full = await().atMost(PROJECTED).until(() -> api.get("/api/v1/persons/" + rich,
                organization.apiKey()).body(), body -> body.path("orders").path("count").asInt() == 7
                && body.path("deals").path("closedCount").asInt() == 3 && body.path("records").path("count").asInt() == 8
                && body.path("activities").path("count").asInt() == 7 && body.path("customer").path("orderCount")
                .asInt() == 7 && !body.path("flags").path("lifecycleStage").asText().isEmpty()
                && body.path("records").path("recent").size() == 8);
        assertThat(full.get("email").asText()).isEqualTo("rich@360.example");
        assertThat(full.get("flags").get("lifecycleStage").asText()).as("won deals").isEqualTo("customer");
        assertThat(full.get("addresses")).hasSize(1);
        assertThat(full.get("contact").get("jobTitle").asText()).isEqualTo("Buyer");
        assertThat(full.get("orders").get("recent")).as("the latest five").hasSize(5);
        assertThat(full.get("orders").get("recent").get(0).get("total").get("amount").asText()).isEqualTo("10.0000");
        assertThat(full.get("deals").get("openCount").asInt()).isEqualTo(4);
        assertThat(full.get("deals").get("open")).hasSize(4);
        assertThat(full.get("deals").get("recentlyClosed").get(0).get("stageName").asText()).isEqualTo("Closed won");
        assertThat(full.get("activities").get("recent")).hasSize(7);
        JsonNode newest = full.get("records").get("recent").get(0);
        assertThat(newest.get("id").asText()).as("the custom record, newest first").isEqualTo(subscription);
        assertThat(newest.get("objectType").asText()).isEqualTo("subscription");
        assertThat(newest.get("displayName").asText()).isEqualTo("Gold");
        long associated = 0;
        for (JsonNode record : full.get("records").get("recent")) {
            associated += record.get("associations").size();
        }
        assertThat(associated).as("two cards are associated with the company").isEqualTo(2);

        JsonNode some = api.get("/api/v1/persons/" + rich + "?include=orders,contact", organization.apiKey()).body();
        assertThat(some.has("orders")).isTrue();
        assertThat(some.has("contact")).isTrue();
        assertThat(some.has("deals") || some.has("activities") || some.has("records") || some.has("customer")
                || some.has("addresses")).as("only the parts asked for").isFalse();
        assertThat(some.get("flags").get("lifecycleStage").asText()).as("the person is always there")
                .isEqualTo("customer");
        Response unknownPart = api.get("/api/v1/persons/" + rich + "?include=orders,secrets", organization.apiKey());
        assertThat(unknownPart.status()).isEqualTo(400);
        assertThat(unknownPart.body().get("code").asText()).isEqualTo("invalid_include");

        int forRich = statementsOfReading(organization, rich);
        int forBare = statementsOfReading(organization, bare);
        assertThat(forRich).as("the same statements for 7 orders, deals, activities and 8 records as for none")
                .isEqualTo(forBare)
                // the person, its addresses, and one statement per part (customer, contact, orders, deals,
                // activities, records); the credential comes from the API key cache
                .isBetween(8, 10);
    }

    private int statementsOfReading(TestOrganization organization, UUID person) {
        statements.start();
        Response read = api.get("/api/v1/persons/" + person, organization.apiKey());
        int sent = statements.stop();
        assertThat(read.status()).isEqualTo(200);
        return sent;
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
