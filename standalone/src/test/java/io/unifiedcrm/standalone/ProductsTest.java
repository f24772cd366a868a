package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog over HTTP: products with unique SKUs and base-currency prices, stock on hand, list filters. */
class ProductsTest extends StandaloneTest {

    @Test
    void aProductHasAUniqueSkuAPriceInTheBaseCurrencyAndStock() {
        TestOrganization organization = api.createOrganization("Catalog GmbH");
        UUID mug = product(organization, "MUG-1", "Blue mug", "12.5", List.of("kitchen"));
        Response duplicate = api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "mug-1", "name", "X",
                "price", Map.of("amount", "1", "currency", "EUR")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("existingId").asText()).isEqualTo(mug.toString());
        Response dollars = api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "CUP-1", "name", "Cup",
                "price", Map.of("amount", "3", "currency", "USD")));
        assertThat(dollars.status()).isEqualTo(422);
        assertThat(dollars.body().get("code").asText()).isEqualTo("currency_mismatch");

        assertThat(api.post("/api/v1/products/" + mug + "/restock", organization.apiKey(), Map.of("quantity", 5))
                .status()).isEqualTo(200);
        Response adjusted = api.post("/api/v1/products/" + mug + "/inventory-adjustment", organization.apiKey(),
                Map.of("onHand", 3, "reason", "breakage"));
        assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(200);
        assertThat(api.post("/api/v1/products/" + mug + "/restock", organization.apiKey(), Map.of("quantity", 0))
                .body().get("code").asText()).isEqualTo("invalid_quantity");

        JsonNode read = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/products/" + mug,
                organization.apiKey()).body(), body -> body.path("version").asLong(-1) == 2);
        assertThat(read.get("onHand").asLong()).isEqualTo(3);
        assertThat(read.get("reserved").asLong()).isZero();
        assertThat(read.get("available").asLong()).isEqualTo(3);
        assertThat(read.get("price").get("amount").asText()).isEqualTo("12.5000");
        assertThat(read.get("price").get("currency").asText()).isEqualTo("EUR");

        Response stale = api.send("PATCH", "/api/v1/products/" + mug, organization.apiKey(),
                "application/merge-patch+json", "{\"status\": \"archived\"}");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(200);
        TestOrganization other = api.createOrganization("Other Catalog GmbH");
        assertThat(api.get("/api/v1/products/" + mug, other.apiKey()).status()).isEqualTo(404);
        assertThat(product(other, "MUG-1", "Their mug", "9", List.of())).as("SKUs are unique per organization")
                .isNotNull();
    }

    @Test
    void theCatalogIsFilteredByStatusTagAndNameOrSkuPrefix() {
        TestOrganization organization = api.createOrganization("Filtered Catalog GmbH");
        UUID mug = product(organization, "MUG-1", "Blue mug", "12.5", List.of("kitchen", "gifts"));
        UUID plate = product(organization, "PLATE-1", "Plate", "8", List.of("kitchen"));
        UUID card = product(organization, "CARD-1", "Gift card", "25", List.of("gifts"));
        api.patch("/api/v1/products/" + card, organization.apiKey(), Map.of("status", "archived"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(organization, "?status=archived").size() == 1);
        assertThat(ids(organization, "?tag=kitchen")).containsExactly(mug.toString(), plate.toString());
        assertThat(ids(organization, "?tag=gifts&status=active")).containsExactly(mug.toString());
        assertThat(ids(organization, "?q=pla")).containsExactly(plate.toString());
        assertThat(ids(organization, "?q=card")).containsExactly(card.toString());
        assertThat(api.get("/api/v1/products?status=deleted", organization.apiKey()).status()).isEqualTo(400);
    }

    private UUID product(TestOrganization organization, String sku, String name, String price, List<String> tags) {
        Response created = api.post("/api/v1/products", organization.apiKey(), Map.of("sku", sku, "name", name,
                "price", Map.of("amount", price, "currency", "EUR"), "tags", tags));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private List<String> ids(TestOrganization organization, String query) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/products" + query, organization.apiKey()).body().get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
