package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checkout over HTTP: the stock saga's reservation, compensation and release, and the refusals of the order API. */
class OrderPlacementTest extends StandaloneTest {

    private TestOrganization shop;
    private UUID shopper;

    @BeforeEach
    void shop() {
        shop = api.createOrganization("Checkout Ltd");
        shopper = api.createPerson(shop, "sam@checkout.example", "Sam", "Shopper");
    }

    @Test
    void whenOneProductIsShortTheOtherProductsReservationIsGivenBackAndTheOrderIsRejected() {
        // the saga reserves in product id order: the product reserved first must be the one with plenty
        List<String> inReservationOrder = Stream.of(product("A-1", 0), product("B-1", 0))
                .sorted(Comparator.comparing(UUID::fromString)).toList();
        String plenty = inReservationOrder.get(0);
        String scarce = inReservationOrder.get(1);
        restock(plenty, 5);
        restock(scarce, 1);
        String order = cart(Map.of("productId", plenty, "quantity", 2), Map.of("productId", scarce, "quantity", 2));

        Response placed = api.post("/api/v1/orders/" + order + "/place", shop.apiKey(), null);

        assertThat(placed.status()).as(placed.toString()).isEqualTo(409);
        assertThat(placed.body().get("code").asText()).isEqualTo("out_of_stock");
        assertThat(placed.body().get("existingId").asText()).isEqualTo(scarce);
        assertThat(placed.body().get("detail").asText()).contains("Only 1 units are available");
        assertThat(eventsOf(order)).containsExactly("OrderCreatedEvent", "OrderLineAddedEvent", "OrderLineAddedEvent",
                "OrderPlacementRequestedEvent", "OrderRejectedEvent");
        assertThat(stockEventsFor(order)).as("compensated: what was reserved is released")
                .containsExactlyInAnyOrder("StockReservedEvent " + plenty, "StockReleasedEvent " + plenty);
        assertThat(sagasOf(order)).as("the saga ended with the rejection").isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(reserved(plenty)).isZero();
            assertThat(reserved(scarce)).isZero();
        });
        Response again = api.post("/api/v1/orders/" + order + "/place", shop.apiKey(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("order_closed");
    }

    @Test
    void placingReservesCancellingReleasesAndShippingConsumes() {
        String mug = product("MUG-1", 5);
        String cancelled = cart(Map.of("productId", mug, "quantity", 2));
        assertThat(api.post("/api/v1/orders/" + cancelled + "/place", shop.apiKey(), null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> reserved(mug) == 2);
        Response cancel = api.post("/api/v1/orders/" + cancelled + "/cancel", shop.apiKey(),
                Map.of("reason", "changed my mind"));
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(sagasOf(cancelled)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> reserved(mug) == 0);

        String shipped = cart(Map.of("productId", mug, "quantity", 3));
        Response placed = api.post("/api/v1/orders/" + shipped + "/place", shop.apiKey(), null);
        assertThat(placed.status()).isEqualTo(200);
        assertThat(placed.body().get("version").asLong()).as("request and confirmation").isEqualTo(3);
        assertThat(placed.header("ETag")).isEqualTo("\"3\"");
        assertThat(api.post("/api/v1/orders/" + shipped + "/fulfil", shop.apiKey(), null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonStock stock = stock(mug);
            assertThat(stock.onHand()).isEqualTo(2);
            assertThat(stock.reserved()).isZero();
        });
        assertThat(api.post("/api/v1/orders/" + shipped + "/cancel", shop.apiKey(), null).body().get("code")
                .asText()).isEqualTo("order_fulfilled");
    }

    @Test
    void cancellingAPartlyShippedOrderReleasesTheUnitsNotShipped() {
        String mug = product("PART-1", 5);
        String order = cart(Map.of("productId", mug, "quantity", 3));
        assertThat(api.post("/api/v1/orders/" + order + "/place", shop.apiKey(), null).status()).isEqualTo(200);
        String lineId = jdbc.queryForObject("""
                        SELECT convert_from(payload, 'UTF8')::jsonb ->> 'lineId' FROM axon.domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%OrderLineAddedEvent'""",
                String.class, order);
        assertThat(api.post("/api/v1/orders/" + order + "/fulfil", shop.apiKey(),
                Map.of("lines", List.of(Map.of("lineId", lineId, "quantity", 1)))).status()).isEqualTo(200);
        Response cancel = api.post("/api/v1/orders/" + order + "/cancel", shop.apiKey(), Map.of("reason", "broke"));
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonStock stock = stock(mug);
            assertThat(stock.onHand()).as("one unit left the warehouse").isEqualTo(4);
            assertThat(stock.reserved()).as("the two not shipped are free again").isZero();
        });
    }

    @Test
    void aPaymentReportedTwiceByTheProviderIsRecordedOnce() {
        String order = cart(Map.of("productId", product("PAY-1", 1), "quantity", 1));
        api.post("/api/v1/orders/" + order + "/place", shop.apiKey(), null);
        Map<String, Object> payment = Map.of("amount", Map.of("amount", "1.50", "currency", "EUR"), "method", "card",
                "providerReference", "pi_42");
        Response first = api.post("/api/v1/orders/" + order + "/pay", shop.apiKey(), payment);
        Response second = api.post("/api/v1/orders/" + order + "/pay", shop.apiKey(), payment);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("version").asLong()).isEqualTo(first.body().get("version").asLong());
        Response tooMuch = api.post("/api/v1/orders/" + order + "/pay", shop.apiKey(), Map.of("amount",
                Map.of("amount", "0.51", "currency", "EUR"), "method", "card"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body().get("code").asText()).isEqualTo("amount_exceeds_balance");
    }

    @Test
    void ordersRefuseBadInputWithAClearProblem() {
        String mug = product("BAD-1", 1);
        assertProblem(api.post("/api/v1/orders", shop.apiKey(), Map.of("personId", UUID.randomUUID().toString())),
                422, "unknown_person");
        assertProblem(api.post("/api/v1/orders", shop.apiKey(), Map.of("personId", shopper.toString(),
                "currency", "USD")), 422, "currency_mismatch");
        assertProblem(api.post("/api/v1/orders", shop.apiKey(), Map.of("personId", shopper.toString(),
                "items", List.of(Map.of("productId", UUID.randomUUID().toString(), "quantity", 1)))), 422,
                "unknown_product");
        assertProblem(api.post("/api/v1/orders", shop.apiKey(), Map.of("personId", "not-a-uuid")), 400, null);
        assertProblem(api.post("/api/v1/orders", shop.apiKey(), Map.of("items", List.of())), 400, null);
        String order = cart();
        assertProblem(api.post("/api/v1/orders/" + order + "/items", shop.apiKey(), Map.of("productId", mug,
                "quantity", 0)), 422, "invalid_quantity");
        assertProblem(api.post("/api/v1/orders/" + order + "/items", shop.apiKey(), Map.of("productId", mug,
                "quantity", 1, "taxRate", "-1")), 422, "invalid_tax_rate");
        assertProblem(api.post("/api/v1/orders/" + order + "/place", shop.apiKey(), null), 409, "order_empty");
        assertProblem(api.post("/api/v1/orders/" + order + "/pay", shop.apiKey(), Map.of("amount",
                Map.of("amount", "1", "currency", "EUR"), "method", "card")), 409, "order_not_placed");
        assertProblem(api.post("/api/v1/orders/" + order + "/pay", shop.apiKey(), Map.of("method", "card")), 400,
                null);
        assertProblem(api.post("/api/v1/orders/" + UUID.randomUUID() + "/place", shop.apiKey(), null), 404,
                "not_found");
        assertThat(eventsOf(order)).as("nothing stored by the refusals").containsExactly("OrderCreatedEvent");
    }

    @Test
    void anIdOfAnotherKindOfResourceIsUnknownWhereverItIsNamed() {
        String mug = product("KIND-1", 1);
        String order = cart(Map.of("productId", mug, "quantity", 1));
        // the product's aggregate is in the cache now: an order id that is a product id must still be unknown
        assertProblem(api.post("/api/v1/orders/" + mug + "/place", shop.apiKey(), null), 404, "not_found");
        assertProblem(api.post("/api/v1/products/" + order + "/restock", shop.apiKey(), Map.of("quantity", 1)), 404,
                "not_found");
        assertProblem(api.post("/api/v1/orders", shop.apiKey(), Map.of("personId", mug)), 422, "unknown_person");
        assertProblem(api.post("/api/v1/orders", shop.apiKey(), Map.of("personId", shopper.toString(),
                "items", List.of(Map.of("productId", shopper.toString(), "quantity", 1)))), 422, "unknown_product");
        assertProblem(api.patch("/api/v1/persons/" + order, shop.apiKey(), Map.of("firstName", "X")), 404,
                "not_found");
    }

    @Test
    void aPersonMergedIntoAnotherOrdersAsTheSurvivor() {
        UUID survivor = api.createPerson(shop, "survivor@checkout.example", "Sue", "Survivor");
        assertThat(api.post("/api/v1/persons/" + survivor + "/merge", shop.apiKey(),
                Map.of("sourcePersonId", shopper.toString())).status()).isEqualTo(200);
        Response refused = api.post("/api/v1/orders", shop.apiKey(), Map.of("personId", shopper.toString()));
        assertProblem(refused, 409, "person_merged");
        assertThat(refused.body().get("existingId").asText()).isEqualTo(survivor.toString());
    }

    private void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (code != null) {
            assertThat(response.body().get("code").asText()).as(response.toString()).isEqualTo(code);
        }
    }

    @SafeVarargs
    private String cart(Map<String, Object>... items) {
        Response created = api.post("/api/v1/orders", shop.apiKey(), Map.of("personId", shopper.toString(),
                "items", List.of(items)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private String product(String sku, int onHand) {
        Response created = api.post("/api/v1/products", shop.apiKey(), Map.of("sku", sku, "name", sku,
                "price", Map.of("amount", "2.00", "currency", "EUR")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        if (onHand > 0) {
            restock(id, onHand);
        }
        return id;
    }

    private void restock(String productId, int quantity) {
        assertThat(api.post("/api/v1/products/" + productId + "/restock", shop.apiKey(), Map.of("quantity", quantity))
                .status()).isEqualTo(200);
    }

    private record JsonStock(long onHand, long reserved) {
    }

    /** The product's stock as its read model shows it; an assertion error until the product is projected. */
    private JsonStock stock(String productId) {
        Response product = api.get("/api/v1/products/" + productId, shop.apiKey());
        assertThat(product.status()).as("the product is projected").isEqualTo(200);
        return new JsonStock(product.body().get("onHand").asLong(), product.body().get("reserved").asLong());
    }

    private long reserved(String productId) {
        return stock(productId).reserved();
    }

    private List<String> eventsOf(String aggregateId) {
        return jdbc.queryForList("""
                        SELECT substring(payload_type FROM '[^.]+$') FROM axon.domain_event_entry
                        WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, aggregateId);
    }

    private List<String> stockEventsFor(String orderId) {
        return jdbc.queryForList("""
                        SELECT substring(payload_type FROM '[^.]+$') || ' ' || aggregate_identifier
                        FROM axon.domain_event_entry
                        WHERE payload_type LIKE '%.Stock%' AND convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ?""",
                String.class, orderId);
    }

    private long sagasOf(String orderId) {
        return jdbc.queryForObject("""
                        SELECT count(*) FROM axon.association_value_entry
                        WHERE association_key = 'orderId' AND association_value = ?""", Long.class, orderId);
    }
}
