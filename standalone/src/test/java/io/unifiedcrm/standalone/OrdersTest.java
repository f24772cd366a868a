package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The order read models over HTTP: an order with its exact totals, lines, payments and refunds, the stock it leaves,
 * and the customer statistics its events produce (also over persons merged into a survivor); the order list's
 * filters and pages. Amounts are computed by hand in each test.
 */
class OrdersTest extends StandaloneTest {

    private static final Duration PROJECTED = Duration.ofSeconds(15);

    @Test
    void anOrderPaidInTwoPartsFulfilledAndCompletedShowsExactTotalsStockAndCustomerStatistics() {
        TestOrganization organization = api.createOrganization("Orders GmbH");
        UUID person = api.createPerson(organization, "olga@orders.example", "Olga", "Order");
        UUID mug = product(organization, "MUG-1", "Blue mug", "12.50", 5);
        UUID lineId = UUID.randomUUID();
        // 2 × 12.50 = 25.00; tax 19 % of 25.00 = 4.75; line 29.75; total 25.00 + 4.75 + 4.90 shipping = 34.65
        UUID orderId = createOrder(organization, person, "dhl_express", "4.90",
                List.of(Map.of("lineId", lineId.toString(), "productId", mug.toString(), "quantity", 2,
                        "taxRate", 19)));
        ok(api.post("/api/v1/orders/" + orderId + "/place", organization.apiKey(), null));
        ok(api.post("/api/v1/orders/" + orderId + "/pay", organization.apiKey(), Map.of("amount",
                money("20.00"), "method", "card", "providerReference", "ch_1")));
        ok(api.post("/api/v1/orders/" + orderId + "/pay", organization.apiKey(), Map.of("amount",
                money("14.65"), "method", "paypal", "providerReference", "pp_2")));
        ok(api.post("/api/v1/orders/" + orderId + "/fulfil", organization.apiKey(), Map.of()));
        long completed = ok(api.post("/api/v1/orders/" + orderId + "/complete", organization.apiKey(), null));

        JsonNode order = awaitOrder(organization, orderId, completed);
        assertThat(order.get("id").asText()).isEqualTo(orderId.toString());
        assertThat(order.get("personId").asText()).isEqualTo(person.toString());
        assertThat(order.get("status").asText()).isEqualTo("completed");
        assertThat(order.get("paymentStatus").asText()).isEqualTo("paid");
        assertThat(order.get("fulfillmentStatus").asText()).isEqualTo("fulfilled");
        assertThat(order.get("currency").asText()).isEqualTo("EUR");
        assertThat(order.get("shippingMethod").asText()).isEqualTo("dhl_express");
        JsonNode totals = order.get("totals");
        assertMoney(totals.get("subtotal"), "25.00");
        assertMoney(totals.get("discountTotal"), "0");
        assertMoney(totals.get("taxTotal"), "4.75");
        assertMoney(totals.get("shippingTotal"), "4.90");
        assertMoney(totals.get("total"), "34.65");
        assertMoney(order.get("paidTotal"), "34.65");
        assertMoney(order.get("refundedTotal"), "0");
        assertMoney(order.get("balanceDue"), "0");
        assertThat(order.get("lines")).hasSize(1);
        JsonNode line = order.get("lines").get(0);
        assertThat(line.get("lineId").asText()).isEqualTo(lineId.toString());
        assertThat(line.get("position").asInt()).isEqualTo(1);
        assertThat(line.get("productId").asText()).isEqualTo(mug.toString());
        assertThat(line.get("sku").asText()).isEqualTo("MUG-1");
        assertThat(line.get("productName").asText()).isEqualTo("Blue mug");
        assertThat(line.get("quantity").asLong()).isEqualTo(2);
        assertMoney(line.get("unitPrice"), "12.50");
        assertMoney(line.get("discount"), "0");
        assertThat(line.get("taxRate").decimalValue()).isEqualByComparingTo("19");
        assertMoney(line.get("tax"), "4.75");
        assertMoney(line.get("lineTotal"), "29.75");
        assertThat(line.get("fulfilledQuantity").asLong()).isEqualTo(2);
        JsonNode payments = order.get("payments");
        assertThat(payments).hasSize(2);
        assertMoney(payments.get(0).get("amount"), "20.00");
        assertThat(payments.get(0).get("method").asText()).isEqualTo("card");
        assertThat(payments.get(0).get("providerReference").asText()).isEqualTo("ch_1");
        assertMoney(payments.get(1).get("amount"), "14.65");
        assertThat(payments.get(1).get("method").asText()).isEqualTo("paypal");
        assertThat(payments.get(1).get("providerReference").asText()).isEqualTo("pp_2");
        assertThat(order.get("refunds")).isEmpty();
        Instant placedAt = instant(order, "placedAt");
        assertThat(instant(order, "createdAt")).isBefore(placedAt);
        assertThat(instant(order, "paidAt")).as("paid in full by the second payment")
                .isAfter(placedAt).isEqualTo(instant(payments.get(1), "recordedAt"));
        assertThat(instant(order, "fulfilledAt")).isAfter(instant(order, "paidAt"));
        assertThat(instant(order, "completedAt")).isAfter(instant(order, "fulfilledAt"));
        assertThat(order.get("cancelledAt").isNull()).isTrue();
        assertThat(order.get("version").asLong()).isEqualTo(completed);

        await().atMost(PROJECTED).untilAsserted(() -> {
            JsonNode stock = api.get("/api/v1/products/" + mug, organization.apiKey()).body();
            assertThat(stock.get("onHand").asLong()).isEqualTo(3);
            assertThat(stock.get("reserved").asLong()).isZero();
            assertThat(stock.get("available").asLong()).isEqualTo(3);
        });

        JsonNode customer = awaitCustomer(organization, person,
                body -> amountOf(body.get("totalSpent")).compareTo(new BigDecimal("34.65")) == 0);
        assertThat(customer.get("customerNumber").asText()).isEqualTo(order.get("customerNumber").asText())
                .isNotBlank();
        assertThat(customer.get("orderCount").asInt()).isEqualTo(1);
        assertMoney(customer.get("averageOrderValue"), "34.65");
        assertThat(customer.get("firstOrderDate").asText()).isEqualTo(order.get("placedAt").asText());
        assertThat(customer.get("lastOrderDate").asText()).isEqualTo(order.get("placedAt").asText());
        assertThat(customer.get("cohort").asText()).isEqualTo(quarterOf(placedAt));
        assertThat(customer.get("segment").asText()).isEqualTo("regular");
        assertThat(customer.get("recencySegment").asText()).isEqualTo("active");
        assertThat(customer.get("preferredPaymentMethod").asText()).as("one payment each: the latest")
                .isEqualTo("paypal");
        assertThat(customer.get("preferredShippingMethod").asText()).isEqualTo("dhl_express");

        JsonNode flags = awaitFlags(organization, person, "34.6500");
        assertThat(flags.get("lifecycleStage").asText()).as("customer at the first order paid in full")
                .isEqualTo("customer");
        assertThat(flags.get("isCustomer").asBoolean()).isTrue();
        assertThat(flags.get("isLead").asBoolean()).isFalse();
        assertThat(flags.get("hasOrdered").asBoolean()).isTrue();

        // a partial refund: 34.65 − 5.00 = 29.65 spent
        long refunded = ok(api.post("/api/v1/orders/" + orderId + "/refunds", organization.apiKey(),
                Map.of("amount", money("5.00"), "reason", "chipped")));
        JsonNode afterRefund = awaitOrder(organization, orderId, refunded);
        assertThat(afterRefund.get("paymentStatus").asText()).isEqualTo("partially_refunded");
        assertThat(afterRefund.get("status").asText()).isEqualTo("completed");
        assertMoney(afterRefund.get("refundedTotal"), "5.00");
        assertMoney(afterRefund.get("paidTotal"), "34.65");
        assertThat(afterRefund.get("refunds")).hasSize(1);
        assertMoney(afterRefund.get("refunds").get(0).get("amount"), "5.00");
        assertThat(afterRefund.get("refunds").get(0).get("reason").asText()).isEqualTo("chipped");
        assertThat(afterRefund.get("payments")).hasSize(2);
        JsonNode refundedCustomer = awaitCustomer(organization, person,
                body -> amountOf(body.get("totalSpent")).compareTo(new BigDecimal("29.65")) == 0);
        assertThat(refundedCustomer.get("orderCount").asInt()).isEqualTo(1);
        assertMoney(refundedCustomer.get("averageOrderValue"), "29.65");
        assertThat(refundedCustomer.get("preferredPaymentMethod").asText()).as("refunds are no payments")
                .isEqualTo("paypal");
        JsonNode refundedFlags = awaitFlags(organization, person, "29.6500");
        assertThat(refundedFlags.get("lifecycleStage").asText()).as("stages only move forward").isEqualTo("customer");
        assertThat(refundedFlags.get("hasOrdered").asBoolean()).isTrue();
        Map<String, Object> stored = jdbc.queryForMap("SELECT * FROM commerce.customer WHERE person_id = ?", person);
        assertThat((BigDecimal) stored.get("total_spent")).isEqualByComparingTo("29.65");
        assertThat(stored.get("order_count")).isEqualTo(1);
        assertThat(stored.get("segment")).isEqualTo("regular");
        assertThat(stored.get("cohort")).isEqualTo(quarterOf(placedAt));
    }

    @Test
    void aCancelledPlacedOrderReleasesItsStockAndIsNotCounted() {
        TestOrganization organization = api.createOrganization("Cancel GmbH");
        UUID person = api.createPerson(organization, "carl@cancel.example", "Carl", "Cancel");
        UUID plate = product(organization, "PLATE-1", "Plate", "8.00", 5);
        UUID kept = createOrder(organization, person, "ups", null,
                List.of(Map.of("productId", plate.toString(), "quantity", 2)));
        ok(api.post("/api/v1/orders/" + kept + "/place", organization.apiKey(), null));
        ok(api.post("/api/v1/orders/" + kept + "/pay", organization.apiKey(), Map.of("amount", money("10.00"),
                "method", "card")));
        UUID called = createOrder(organization, person, "dhl", null,
                List.of(Map.of("productId", plate.toString(), "quantity", 3)));
        ok(api.post("/api/v1/orders/" + called + "/place", organization.apiKey(), null));
        long cancelled = ok(api.post("/api/v1/orders/" + called + "/cancel", organization.apiKey(),
                Map.of("reason", "changed my mind")));

        JsonNode order = awaitOrder(organization, called, cancelled);
        assertThat(order.get("status").asText()).isEqualTo("cancelled");
        assertThat(order.get("cancelReason").asText()).isEqualTo("changed my mind");
        assertThat(instant(order, "cancelledAt")).isAfter(instant(order, "placedAt"));
        assertMoney(order.get("totals").get("total"), "24.00");
        assertMoney(order.get("balanceDue"), "0");
        await().atMost(PROJECTED).untilAsserted(() -> {
            JsonNode stock = api.get("/api/v1/products/" + plate, organization.apiKey()).body();
            assertThat(stock.get("onHand").asLong()).isEqualTo(5);
            assertThat(stock.get("reserved").asLong()).as("only the kept order's units").isEqualTo(2);
        });
        JsonNode customer = awaitCustomer(organization, person,
                body -> amountOf(body.get("totalSpent")).compareTo(new BigDecimal("10.00")) == 0);
        assertThat(customer.get("orderCount").asInt()).as("the cancelled order does not count").isEqualTo(1);
        assertMoney(customer.get("averageOrderValue"), "10.00");
        JsonNode keptOrder = api.get("/api/v1/orders/" + kept, organization.apiKey()).body();
        assertThat(customer.get("lastOrderDate").asText()).isEqualTo(keptOrder.get("placedAt").asText());
        assertThat(customer.get("preferredShippingMethod").asText()).as("of counted orders only")
                .isEqualTo("ups");
        assertMoney(keptOrder.get("balanceDue"), "6.00");
        assertThat(keptOrder.get("paymentStatus").asText()).isEqualTo("partially_paid");
    }

    @Test
    void aRejectedOrderIsListedAsRejectedWithNothingReserved() {
        TestOrganization organization = api.createOrganization("Reject GmbH");
        UUID person = api.createPerson(organization, "rita@reject.example", "Rita", "Reject");
        UUID lamp = product(organization, "LAMP-1", "Lamp", "30.00", 1);
        UUID orderId = createOrder(organization, person, null, null,
                List.of(Map.of("productId", lamp.toString(), "quantity", 2)));
        Response place = api.post("/api/v1/orders/" + orderId + "/place", organization.apiKey(), null);
        assertThat(place.status()).as(place.toString()).isEqualTo(409);
        assertThat(place.body().get("code").asText()).isEqualTo("out_of_stock");

        JsonNode order = await().atMost(PROJECTED).until(() -> api.get("/api/v1/orders/" + orderId,
                organization.apiKey()).body(), body -> "rejected".equals(body.path("status").asText()));
        assertThat(order.get("rejectionReason").asText()).isEqualTo("out_of_stock");
        assertThat(order.get("rejectedProductId").asText()).isEqualTo(lamp.toString());
        assertThat(order.get("placedAt").isNull()).isTrue();
        assertMoney(order.get("balanceDue"), "0");
        assertThat(ids(organization, "?status=rejected")).containsExactly(orderId.toString());
        assertThat(ids(organization, "?status=placed")).isEmpty();
        JsonNode stock = api.get("/api/v1/products/" + lamp, organization.apiKey()).body();
        assertThat(stock.get("reserved").asLong()).isZero();
        assertThat(stock.get("onHand").asLong()).isEqualTo(1);
        JsonNode customer = awaitCustomer(organization, person, body -> true);
        assertThat(customer.get("orderCount").asInt()).isZero();
        assertMoney(customer.get("totalSpent"), "0");
        for (String absent : List.of("averageOrderValue", "firstOrderDate", "lastOrderDate", "cohort", "segment",
                "recencySegment", "preferredPaymentMethod", "preferredShippingMethod")) {
            assertThat(customer.get(absent).isNull()).as(absent).isTrue();
        }
    }

    @Test
    void theListIsNewestFirstFilteredByPersonAndStatusInPages() {
        TestOrganization organization = api.createOrganization("Order List GmbH");
        UUID ann = api.createPerson(organization, "ann@order-list.example", "Ann", "List");
        UUID ben = api.createPerson(organization, "ben@order-list.example", "Ben", "List");
        UUID cup = product(organization, "CUP-1", "Cup", "3.00", 10);
        UUID first = createOrder(organization, ann, null, null, null);
        UUID second = createOrder(organization, ann, null, null,
                List.of(Map.of("productId", cup.toString(), "quantity", 1)));
        long placed = ok(api.post("/api/v1/orders/" + second + "/place", organization.apiKey(), null));
        UUID third = createOrder(organization, ann, null, null, null);
        UUID bens = createOrder(organization, ben, null, null, null);
        awaitOrder(organization, second, placed);
        await().atMost(PROJECTED).until(() -> ids(organization, "").size() == 4);

        assertThat(ids(organization, "")).containsExactly(bens.toString(), third.toString(), second.toString(),
                first.toString());
        assertThat(ids(organization, "?personId=" + ann)).containsExactly(third.toString(), second.toString(),
                first.toString());
        assertThat(ids(organization, "?personId=" + ben)).containsExactly(bens.toString());
        assertThat(ids(organization, "?status=placed")).containsExactly(second.toString());
        assertThat(ids(organization, "?status=cart&personId=" + ann)).containsExactly(third.toString(),
                first.toString());
        assertThat(ids(organization, "?personId=" + UUID.randomUUID())).isEmpty();

        JsonNode page = api.get("/api/v1/orders?personId=" + ann + "&limit=2", organization.apiKey()).body();
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(third.toString());
        assertThat(page.get("items").get(1).get("lines")).as("list items carry their lines").hasSize(1);
        String cursor = page.get("nextCursor").asText();
        JsonNode last = api.get("/api/v1/orders?personId=" + ann + "&limit=2&cursor=" + cursor,
                organization.apiKey()).body();
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("items").get(0).get("id").asText()).isEqualTo(first.toString());
        assertThat(last.get("nextCursor").isNull()).isTrue();

        Response unknownStatus = api.get("/api/v1/orders?status=shipped", organization.apiKey());
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.body().get("code").asText()).isEqualTo("invalid_filter");
        assertThat(api.get("/api/v1/orders?personId=not-an-id", organization.apiKey()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/orders?limit=201", organization.apiKey()).status()).isEqualTo(400);
        TestOrganization other = api.createOrganization("Other Order List GmbH");
        assertThat(api.get("/api/v1/orders?personId=" + ann, other.apiKey()).body().get("items")).isEmpty();
        assertThat(api.get("/api/v1/orders/" + second, other.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void theOrdersOfAMergedPersonCountForTheSurvivor() {
        TestOrganization organization = api.createOrganization("Merged Orders GmbH");
        UUID sam = api.createPerson(organization, "sam@merged-orders.example", "Sam", "Survivor");
        UUID sue = api.createPerson(organization, "sue@merged-orders.example", "Sue", "Source");
        UUID chair = product(organization, "CHAIR-1", "Chair", "250.00", 10);
        // Sam: 250.00 by card (dhl); Sue: 2 × 250.00 = 500.00 and 250.00 + 0.01 shipping = 250.01, both by paypal (ups)
        UUID samsOrder = paidOrder(organization, sam, chair, 1, "dhl", null, "card");
        UUID suesFirst = paidOrder(organization, sue, chair, 2, "ups", null, "paypal");
        UUID suesSecond = paidOrder(organization, sue, chair, 1, "ups", "0.01", "paypal");
        JsonNode sams = awaitCustomer(organization, sam,
                body -> amountOf(body.get("totalSpent")).compareTo(new BigDecimal("250.00")) == 0);
        assertThat(sams.get("segment").asText()).isEqualTo("regular");
        JsonNode sues = awaitCustomer(organization, sue,
                body -> amountOf(body.get("totalSpent")).compareTo(new BigDecimal("750.01")) == 0);
        assertThat(sues.get("orderCount").asInt()).isEqualTo(2);
        assertMoney(sues.get("averageOrderValue"), "375.005");
        assertThat(sues.get("segment").asText()).isEqualTo("regular");

        Response merged = api.post("/api/v1/persons/" + sam + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", sue.toString()));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

        // together: 250.00 + 500.00 + 250.01 = 1000.01 over 3 orders, average 333.336666… → 333.3367
        JsonNode survivor = awaitCustomer(organization, sam, body -> body.path("orderCount").asInt() == 3);
        assertMoney(survivor.get("totalSpent"), "1000.01");
        assertMoney(survivor.get("averageOrderValue"), "333.3367");
        assertThat(survivor.get("segment").asText()).as("1000.01 spent").isEqualTo("vip");
        assertThat(survivor.get("customerNumber").asText()).isEqualTo(sams.get("customerNumber").asText());
        assertThat(survivor.get("preferredPaymentMethod").asText()).isEqualTo("paypal");
        assertThat(survivor.get("preferredShippingMethod").asText()).isEqualTo("ups");
        assertThat(survivor.get("firstOrderDate").asText()).isEqualTo(placedAt(organization, samsOrder));
        assertThat(survivor.get("lastOrderDate").asText()).isEqualTo(placedAt(organization, suesSecond));
        assertThat(survivor.get("cohort").asText()).isEqualTo(quarterOf(Instant.parse(placedAt(organization,
                samsOrder))));
        assertThat(ids(organization, "?personId=" + sam)).containsExactly(suesSecond.toString(),
                suesFirst.toString(), samsOrder.toString());
        assertThat(ids(organization, "?personId=" + sue)).containsExactly(suesSecond.toString(),
                suesFirst.toString());
        assertThat(api.get("/api/v1/orders/" + suesFirst, organization.apiKey()).body().get("personId").asText())
                .as("an order keeps its person").isEqualTo(sue.toString());

        Map<UUID, Object> storedCounts = new HashMap<>();
        jdbc.queryForList("SELECT person_id, order_count, total_spent FROM commerce.customer WHERE person_id IN (?, ?)",
                sam, sue).forEach(row -> storedCounts.put((UUID) row.get("person_id"),
                row.get("order_count") + "/" + ((BigDecimal) row.get("total_spent")).toPlainString()));
        assertThat(storedCounts).as("each row keeps the person's own statistics")
                .containsEntry(sam, "1/250.0000").containsEntry(sue, "2/750.0100");
    }

    @Test
    void sumsBeyondTheLimitOfASingleAmountStayExact() {
        // one amount is below 1e15 (decimal(19,4)); two of them are not: the sums must neither overflow nor stall
        TestOrganization organization = api.createOrganization("Big Spender GmbH");
        UUID person = api.createPerson(organization, "rich@big.example", "Rich", "Spender");
        UUID yacht = product(organization, "YACHT-1", "Yacht", "600000000000000", 2);
        paidOrder(organization, person, yacht, 1, "sea", null, "wire");
        paidOrder(organization, person, yacht, 1, "sea", null, "wire");
        JsonNode customer = awaitCustomer(organization, person, body -> body.get("orderCount").asInt() == 2);
        assertMoney(customer.get("totalSpent"), "1200000000000000");
        assertMoney(customer.get("averageOrderValue"), "600000000000000");
        awaitFlags(organization, person, "1200000000000000.0000");
        UUID next = api.createPerson(organization, "after@big.example", "After", "Wards");
        await().atMost(PROJECTED).until(() -> api.get("/api/v1/persons/" + next, organization.apiKey()).status() == 200);
    }

    private UUID paidOrder(TestOrganization organization, UUID person, UUID product, int quantity,
                           String shippingMethod, String shipping, String method) {
        UUID orderId = createOrder(organization, person, shippingMethod, shipping,
                List.of(Map.of("productId", product.toString(), "quantity", quantity)));
        long placed = ok(api.post("/api/v1/orders/" + orderId + "/place", organization.apiKey(), null));
        JsonNode total = awaitOrder(organization, orderId, placed).get("totals").get("total");
        ok(api.post("/api/v1/orders/" + orderId + "/pay", organization.apiKey(), Map.of("amount",
                money(amountOf(total).toPlainString()), "method", method)));
        return orderId;
    }

    private String placedAt(TestOrganization organization, UUID orderId) {
        return api.get("/api/v1/orders/" + orderId, organization.apiKey()).body().get("placedAt").asText();
    }

    private UUID product(TestOrganization organization, String sku, String name, String price, int onHand) {
        Response created = api.post("/api/v1/products", organization.apiKey(), Map.of("sku", sku, "name", name,
                "price", money(price)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.body().get("id").asText());
        ok(api.post("/api/v1/products/" + id + "/restock", organization.apiKey(), Map.of("quantity", onHand)));
        return id;
    }

    private UUID createOrder(TestOrganization organization, UUID person, String shippingMethod, String shipping,
                             List<Map<String, Object>> items) {
        Map<String, Object> body = new HashMap<>(Map.of("personId", person.toString()));
        if (shippingMethod != null) {
            body.put("shippingMethod", shippingMethod);
        }
        if (shipping != null) {
            body.put("shipping", money(shipping));
        }
        if (items != null) {
            body.put("items", items);
        }
        Response created = api.post("/api/v1/orders", organization.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    /** Asserts a 200 answer to a command and answers the aggregate's version. */
    private static long ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().get("version").asLong();
    }

    private JsonNode awaitOrder(TestOrganization organization, UUID orderId, long version) {
        return await().atMost(PROJECTED).until(() -> api.get("/api/v1/orders/" + orderId, organization.apiKey())
                .body(), body -> body.path("version").asLong(-1) >= version);
    }

    private JsonNode awaitCustomer(TestOrganization organization, UUID person, Predicate<JsonNode> condition) {
        return await().atMost(PROJECTED).until(() -> api.get("/api/v1/customers/" + person, organization.apiKey()),
                response -> response.status() == 200 && condition.test(response.body())).body();
    }

    private List<String> ids(TestOrganization organization, String query) {
        Response list = api.get("/api/v1/orders" + query, organization.apiKey());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    private static BigDecimal amountOf(JsonNode money) {
        return money == null || money.isNull() ? BigDecimal.valueOf(-1) : new BigDecimal(money.get("amount").asText());
    }

    /** The person's computed flags once customerValue is exactly {@code customerValue}. */
    private JsonNode awaitFlags(TestOrganization organization, UUID person, String customerValue) {
        return await().atMost(PROJECTED).until(() -> api.get("/api/v1/persons/" + person, organization.apiKey()),
                read -> read.status() == 200 && new BigDecimal(read.raw().body().replaceAll(
                        ".*\"customerValue\":\"([0-9.]+)\".*", "$1")).compareTo(new BigDecimal(customerValue)) == 0)
                .body().get("flags");
    }

    private static void assertMoney(JsonNode money, String amount) {
        assertThat(money.get("currency").asText()).isEqualTo("EUR");
        assertThat(money.get("amount").isTextual()).as("a decimal string (ARCHITECTURE §5): " + money).isTrue();
        assertThat(money.get("amount").asText()).isEqualTo(new BigDecimal(amount).setScale(4).toPlainString());
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText());
    }

    /** The calendar quarter in UTC, e.g. 2026-Q4. */
    private static String quarterOf(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return utc.getYear() + "-Q" + ((utc.getMonthValue() - 1) / 3 + 1);
    }
}
