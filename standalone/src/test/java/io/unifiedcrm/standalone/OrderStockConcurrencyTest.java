package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.commerce.order.api.CreateOrderCommand;
import io.unifiedcrm.commerce.order.api.OrderItem;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Carts racing for the last units: 50 checkouts of one unit each, at once, for a product with 10 on hand. The carts
 * are opened through the command gateway (50 HTTP requests more would only meet the organization's rate limit); the
 * checkouts go over HTTP, all released together.
 */
class OrderStockConcurrencyTest extends StandaloneTest {

    @Autowired
    private CommandGateway commands;

    @Test
    void fiftyConcurrentCheckoutsForTenUnitsPlaceExactlyTenAndRejectForty() throws Exception {
        TestOrganization organization = api.createOrganization("Last Units Ltd");
        UUID person = api.createPerson(organization, "racer@last-units.example", "Rita", "Racer");
        Response product = api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "LAST-1",
                "name", "Last one", "price", Map.of("amount", "10", "currency", "EUR")));
        String productId = product.body().get("id").asText();
        assertThat(api.post("/api/v1/products/" + productId + "/restock", organization.apiKey(),
                Map.of("quantity", 10)).status()).isEqualTo(200);
        List<UUID> carts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID orderId = UUID.randomUUID();
            commands.sendAndWait(new CreateOrderCommand(orderId, organization.id(), person, null, null, null, null,
                    List.of(new OrderItem(UUID.randomUUID(), UUID.fromString(productId), 1, null, null, null))));
            carts.add(orderId);
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService shoppers = Executors.newFixedThreadPool(carts.size());
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (UUID cart : carts) {
                answers.add(shoppers.submit(() -> {
                    start.await();
                    return api.post("/api/v1/orders/" + cart + "/place", organization.apiKey(), null);
                }));
            }
            start.countDown();
            int placed = 0;
            int rejected = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                if (response.status() == 200) {
                    placed++;
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(409);
                    assertThat(response.body().get("code").asText()).isEqualTo("out_of_stock");
                    assertThat(response.body().get("existingId").asText()).isEqualTo(productId);
                    rejected++;
                }
            }
            assertThat(placed).isEqualTo(10);
            assertThat(rejected).isEqualTo(40);
        } finally {
            shoppers.shutdownNow();
        }

        assertThat(eventCount(organization, "StockReservedEvent")).isEqualTo(10);
        assertThat(eventCount(organization, "OrderPlacedEvent")).isEqualTo(10);
        assertThat(eventCount(organization, "OrderRejectedEvent")).isEqualTo(40);
        assertThat(eventCount(organization, "StockReleasedEvent")).as("single-product carts: nothing to give back")
                .isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response stock = api.get("/api/v1/products/" + productId, organization.apiKey());
            assertThat(stock.body().get("onHand").asLong()).isEqualTo(10);
            assertThat(stock.body().get("reserved").asLong()).isEqualTo(10);
            assertThat(stock.body().get("available").asLong()).isZero();
        });
    }

    private long eventCount(TestOrganization organization, String type) {
        return jdbc.queryForObject("""
                        SELECT count(*) FROM axon.domain_event_entry
                        WHERE payload_type LIKE ? AND convert_from(payload, 'UTF8')::jsonb ->> 'organizationId' = ?""",
                Long.class, "%." + type, organization.id().toString());
    }
}
