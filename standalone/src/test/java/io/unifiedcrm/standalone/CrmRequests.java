package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The requests the CRM tests share, for one organization: companies, contacts, activities and a completed order. */
final class CrmRequests {

    static final Duration PROJECTED = Duration.ofSeconds(15);

    private final Api api;
    private final TestOrganization organization;

    CrmRequests(Api api, TestOrganization organization) {
        this.api = api;
        this.organization = organization;
    }

    /** A company record; {@code domain} may be null. */
    UUID company(String name, String domain) {
        Map<String, Object> properties = new HashMap<>(Map.of("name", name));
        if (domain != null) {
            properties.put("domain", domain);
        }
        return created(api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "company",
                "properties", properties)));
    }

    /** Makes the person a contact with these fields; answers the person's version. */
    long contact(UUID person, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("personId", person.toString());
        Response created = api.post("/api/v1/contacts", organization.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("version").asLong();
    }

    UUID activity(Map<String, Object> body) {
        return created(api.post("/api/v1/activities", organization.apiKey(), body));
    }

    JsonNode awaitContact(UUID person, Predicate<JsonNode> condition) {
        return await().atMost(PROJECTED).until(() -> api.get("/api/v1/contacts/" + person, organization.apiKey()),
                read -> read.status() == 200 && condition.test(read.body())).body();
    }

    JsonNode awaitActivity(UUID activityId, long version) {
        return await().atMost(PROJECTED).until(() -> api.get("/api/v1/activities/" + activityId,
                organization.apiKey()), read -> read.status() == 200 && read.body().get("version").asLong() >= version)
                .body();
    }

    /** The ids of a page of GET /api/v1/activities with this query string. */
    List<String> activityIds(String query) {
        Response list = api.get("/api/v1/activities" + query, organization.apiKey());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /**
     * A product at 12.50 (5 in stock) and an order of 2 of them with 19 % tax and 4.90 shipping, placed, paid,
     * fulfilled and completed: 25.00 + 4.75 + 4.90 = 34.65.
     */
    UUID completedOrder(UUID person, String sku) {
        UUID product = created(api.post("/api/v1/products", organization.apiKey(), Map.of("sku", sku, "name", "Mug",
                "price", money("12.50"))));
        ok(api.post("/api/v1/products/" + product + "/restock", organization.apiKey(), Map.of("quantity", 5)));
        UUID order = created(api.post("/api/v1/orders", organization.apiKey(), Map.of("personId", person.toString(),
                "shipping", money("4.90"), "items", List.of(Map.of("productId", product.toString(), "quantity", 2,
                        "taxRate", 19)))));
        ok(api.post("/api/v1/orders/" + order + "/place", organization.apiKey(), null));
        ok(api.post("/api/v1/orders/" + order + "/pay", organization.apiKey(), Map.of("amount", money("34.65"),
                "method", "card")));
        ok(api.post("/api/v1/orders/" + order + "/fulfil", organization.apiKey(), Map.of()));
        ok(api.post("/api/v1/orders/" + order + "/complete", organization.apiKey(), null));
        return order;
    }

    /** The order once its read model shows it completed. */
    JsonNode awaitCompleted(UUID order) {
        return await().atMost(PROJECTED).until(() -> api.get("/api/v1/orders/" + order, organization.apiKey())
                .body(), body -> "completed".equals(body.path("status").asText()));
    }

    /** How many events of the organization the event store holds. */
    static long eventsOf(JdbcTemplate jdbc, UUID organizationId) {
        return jdbc.queryForObject("""
                        SELECT count(*) FROM axon.domain_event_entry
                        WHERE convert_from(payload, 'UTF8')::jsonb ->> 'organizationId' = ?""",
                Long.class, organizationId.toString());
    }

    static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    static void assertMoney(JsonNode money, String amount) {
        assertThat(money.get("currency").asText()).isEqualTo("EUR");
        assertThat(money.get("amount").asText()).isEqualTo(new BigDecimal(amount).setScale(4).toPlainString());
    }

    /** Asserts a 201 answer to a command and answers the new resource's id. */
    static UUID created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.body().get("id").asText());
    }

    /** Asserts a 200 answer to a command and answers the aggregate's version. */
    static long ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().get("version").asLong();
    }

    /** Asserts a problem answer with this status and code. */
    static void problem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).isEqualTo("application/problem+json");
        assertThat(response.body().get("code").asText()).as(response.toString()).isEqualTo(code);
    }
}
