package io.unifiedcrm.standalone;

import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A command load over HTTP that touches every projection: a person with an address, a paid order, a deal, a note and
 * a company record per story. Remembers what the application acknowledged (2xx) — those must be in the read models
 * whatever happens to the application afterwards — and counts the answers it did not get.
 */
final class CustomerStories {

    /** Read-model tables and ids of everything a 2xx answer acknowledged. */
    record Acknowledged(String table, UUID id) {
    }

    private final Api commands;
    private final TestOrganization organization;
    private final UUID product;
    private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();

    /** A fresh organization with a product in stock, created through {@code commands} (a command side). */
    CustomerStories(Api commands, String name) {
        this.commands = commands;
        this.organization = commands.createOrganization(name);
        Response product = commands.post("/api/v1/products", organization.apiKey(), Map.of("sku", "MUG",
                "name", "Mug", "price", Map.of("amount", "9.99", "currency", "EUR")));
        check(product, 201);
        this.product = id(product);
        check(commands.post("/api/v1/products/" + this.product + "/restock", organization.apiKey(),
                Map.of("quantity", 1_000_000)), 200);
    }

    TestOrganization organization() {
        return organization;
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<UUID> acknowledged(String table) {
        return acknowledged.stream().filter(ack -> ack.table().equals(table)).map(Acknowledged::id).toList();
    }

    /** Commands that got no answer: the connection broke (the application was killed while handling them). */
    int unanswered() {
        return unanswered.get();
    }

    /** One story of seven commands; stops at the first command that is not answered. */
    void tell() {
        int n = sequence.incrementAndGet();
        String key = organization.apiKey();
        try {
            UUID person = created("identity.person", commands.post("/api/v1/persons", key, Map.of(
                    "email", "p" + n + "@" + organization.id() + ".example", "firstName", "Person", "lastName",
                    "No " + n, "source", "checkout")));
            created("shared.address", commands.post("/api/v1/addresses", key, Map.of("entityType", "person",
                    "entityId", person.toString(), "type", "billing", "lines", List.of(n + " Crash Road"),
                    "city", "Leeds", "countryCode", "GB")));
            UUID order = created("commerce.orders", commands.post("/api/v1/orders", key, Map.of(
                    "personId", person.toString(), "items", List.of(Map.of("productId", product.toString(),
                            "quantity", 1)))));
            check(commands.post("/api/v1/orders/" + order + "/place", key, null), 200);
            check(commands.post("/api/v1/orders/" + order + "/pay", key, Map.of("amount", Map.of("amount", "9.99",
                    "currency", "EUR"), "method", "card")), 200);
            created("crm.deal", commands.post("/api/v1/deals", key, Map.of("name", "Deal " + n,
                    "personId", person.toString())));
            created("crm.activity", commands.post("/api/v1/activities", key, Map.of("type", "note",
                    "personId", person.toString(), "body", "Story " + n)));
            created("platform.record", commands.post("/api/v1/records", key, Map.of("objectType", "company",
                    "properties", Map.of("name", "Company " + n))));
        } catch (java.io.UncheckedIOException noAnswer) {
            unanswered.incrementAndGet();
        }
    }

    private UUID created(String table, Response response) {
        check(response, 201);
        UUID id = id(response);
        acknowledged.add(new Acknowledged(table, id));
        return id;
    }

    private static UUID id(Response response) {
        return UUID.fromString(response.body().get("id").asText());
    }

    private static void check(Response response, int expected) {
        if (response.status() != expected) {
            throw new AssertionError("expected " + expected + ": " + response);
        }
    }
}
