package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes: a single-resource GET with {@code X-Min-Version} (the version a command answered) shows that
 * write on its first try — no Awaitility around these reads, that is the point — across resource kinds, right after a
 * create too; a version that never comes is answered after the default bound with the current state and
 * {@code X-Read-Model-Stale: true}; a missing and another organization's id wait the same bound and give the same
 * 404; a malformed header is a 400 at once.
 */
class ReadYourWritesTest extends StandaloneTest {

    /** The default {@code unifiedcrm.read-your-writes.timeout}; the tests run with it. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    void aReadWithTheVersionACommandAnsweredShowsThatWriteAtOnce() {
        TestOrganization organization = api.createOrganization("Read Your Writes GmbH");
        String key = organization.apiKey();

        // person: read right after the create (the ETag form of the header), then after each of several changes
        Response created = api.post("/api/v1/persons", key, Map.of("email", "ada@ryw.example", "firstName", "Ada",
                "lastName", "Lovelace"));
        UUID person = id(created);
        assertThat(fresh("/api/v1/persons/" + person, key, "\"" + version(created) + "\"").get("email").asText())
                .isEqualTo("ada@ryw.example");
        for (int change = 1; change <= 3; change++) {
            long changed = version(api.patch("/api/v1/persons/" + person, key, Map.of("firstName", "Ada" + change)));
            assertThat(fresh("/api/v1/persons/" + person, key, String.valueOf(changed)).get("firstName").asText())
                    .isEqualTo("Ada" + change);
        }

        // product: created, renamed, restocked
        Response product = api.post("/api/v1/products", key, Map.of("sku", "RYW-1", "name", "Mug",
                "price", Map.of("amount", "12.50", "currency", "EUR")));
        UUID productId = id(product);
        assertThat(fresh("/api/v1/products/" + productId, key, String.valueOf(version(product))).get("sku").asText())
                .isEqualTo("RYW-1");
        version(api.patch("/api/v1/products/" + productId, key, Map.of("name", "Blue mug")));
        long restocked = version(api.post("/api/v1/products/" + productId + "/restock", key, Map.of("quantity", 5)));
        JsonNode mug = fresh("/api/v1/products/" + productId, key, String.valueOf(restocked));
        assertThat(mug.get("name").asText()).isEqualTo("Blue mug");
        assertThat(mug.get("onHand").asLong()).isEqualTo(5);

        // order: placed (the answer is the order's version after placement)
        UUID order = id(api.post("/api/v1/orders", key, Map.of("personId", person.toString(),
                "items", List.of(Map.of("productId", productId.toString(), "quantity", 2)))));
        long placed = version(api.post("/api/v1/orders/" + order + "/place", key, null));
        JsonNode placedOrder = fresh("/api/v1/orders/" + order, key, String.valueOf(placed));
        assertThat(placedOrder.get("status").asText()).isEqualTo("placed");
        assertThat(placedOrder.get("lines")).hasSize(1);

        // deal: created, renamed, won
        Response deal = api.post("/api/v1/deals", key, Map.of("name", "Mugs for everyone",
                "personId", person.toString()));
        UUID dealId = id(deal);
        assertThat(fresh("/api/v1/deals/" + dealId, key, String.valueOf(version(deal))).get("status").asText())
                .isEqualTo("open");
        version(api.patch("/api/v1/deals/" + dealId, key, Map.of("name", "Mugs for all")));
        long won = version(api.post("/api/v1/deals/" + dealId + "/won", key, null));
        JsonNode wonDeal = fresh("/api/v1/deals/" + dealId, key, String.valueOf(won));
        assertThat(wonDeal.get("name").asText()).isEqualTo("Mugs for all");
        assertThat(wonDeal.get("status").asText()).isEqualTo("won");

        // record: a company, changed
        Response company = api.post("/api/v1/records", key, Map.of("objectType", "company",
                "properties", Map.of("name", "Acme")));
        UUID companyId = id(company);
        fresh("/api/v1/records/" + companyId, key, String.valueOf(version(company)));
        long renamed = version(api.patch("/api/v1/records/" + companyId, key,
                Map.of("properties", Map.of("name", "Acme Mugs"))));
        assertThat(fresh("/api/v1/records/" + companyId, key, String.valueOf(renamed)).get("properties").get("name")
                .asText()).isEqualTo("Acme Mugs");

        // contact: versioned as the person; the person shows that version too
        long contact = version(api.post("/api/v1/contacts", key, Map.of("personId", person.toString(),
                "jobTitle", "Engineer")));
        assertThat(fresh("/api/v1/contacts/" + person, key, String.valueOf(contact)).get("jobTitle").asText())
                .isEqualTo("Engineer");
        long promoted = version(api.patch("/api/v1/contacts/" + person, key, Map.of("jobTitle", "CTO")));
        assertThat(fresh("/api/v1/contacts/" + person, key, String.valueOf(promoted)).get("jobTitle").asText())
                .isEqualTo("CTO");
        fresh("/api/v1/persons/" + person, key, String.valueOf(promoted));

        // customer: no version of its own; the read waits until the person's customer record exists
        Response shopper = api.post("/api/v1/persons", key, Map.of("email", "sam@ryw.example", "firstName", "Sam",
                "lastName", "Shopper", "source", "checkout"));
        assertThat(fresh("/api/v1/customers/" + id(shopper), key, String.valueOf(version(shopper)))
                .get("customerNumber").asText()).isNotBlank();
    }

    @Test
    void aVersionThatNeverComesIsAnsweredStaleAfterTheBoundAndMissingOrForeignIdsAreTheSame404() throws Exception {
        TestOrganization organization = api.createOrganization("Patient GmbH");
        TestOrganization other = api.createOrganization("Other GmbH");
        Response created = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "pat@ryw.example",
                "firstName", "Pat", "lastName", "Patient"));
        UUID person = id(created);
        long version = version(created);
        fresh("/api/v1/persons/" + person, organization.apiKey(), String.valueOf(version));
        Response foreign = api.post("/api/v1/persons", other.apiKey(), Map.of("email", "oz@ryw.example",
                "firstName", "Oz", "lastName", "Other"));
        fresh("/api/v1/persons/" + id(foreign), other.apiKey(), String.valueOf(version(foreign)));

        // the three waits run side by side: the test pays the bound once
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Timed> stale = timed(readers, "/api/v1/persons/" + person, organization.apiKey(),
                    String.valueOf(version + 100));
            CompletableFuture<Timed> missing = timed(readers, "/api/v1/persons/" + UUID.randomUUID(),
                    organization.apiKey(), "0");
            CompletableFuture<Timed> foreignRead = timed(readers, "/api/v1/persons/" + id(foreign),
                    organization.apiKey(), "0");

            Timed behind = stale.get();
            assertThat(behind.response().status()).as(behind.response().toString()).isEqualTo(200);
            assertThat(behind.response().header("X-Read-Model-Stale")).isEqualTo("true");
            assertThat(behind.response().header("ETag")).isEqualTo("\"" + version + "\"");
            assertThat(behind.response().body().get("firstName").asText()).isEqualTo("Pat");
            assertThat(behind.response().body().get("version").asLong()).isEqualTo(version);
            assertBounded(behind);

            Timed absent = missing.get();
            Timed elsewhere = foreignRead.get();
            assertThat(absent.response().status()).as(absent.response().toString()).isEqualTo(404);
            assertThat(elsewhere.response().status()).as(elsewhere.response().toString()).isEqualTo(404);
            assertThat(withoutRequestSpecifics(elsewhere.response().body()))
                    .isEqualTo(withoutRequestSpecifics(absent.response().body()));
            assertThat(elsewhere.response().header("X-Read-Model-Stale")).isNull();
            assertBounded(absent);
            assertBounded(elsewhere);
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aMalformedMinVersionIsABadRequestAtOnce() {
        TestOrganization organization = api.createOrganization("Malformed GmbH");
        UUID person = api.createPerson(organization, "mal@ryw.example", "Mal", "Formed");
        for (String malformed : List.of("abc", "-1", "1.5", "\"x\"", "3 4", "\"3", "0x10", "99999999999999999999")) {
            for (String path : List.of("/api/v1/persons/" + person, "/api/v1/persons/" + UUID.randomUUID())) {
                long started = System.nanoTime();
                Response read = read(path, organization.apiKey(), malformed);
                assertThat(read.status()).as(malformed + ": " + read).isEqualTo(400);
                assertThat(read.header("Content-Type")).startsWith("application/problem+json");
                assertThat(read.body().get("code").asText()).isEqualTo("invalid_min_version");
                assertThat(read.body().get("errors").get(0).get("field").asText()).isEqualTo("X-Min-Version");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(BOUND);
            }
        }
        // the ETag forms are versions
        assertThat(read("/api/v1/persons/" + person, organization.apiKey(), "W/\"0\"").status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentNamesTheHeaderOnTheReadsThatTakeIt() {
        JsonNode paths = api.get("/v3/api-docs", null).body().get("paths");
        for (String read : List.of("/api/v1/persons/{personId}", "/api/v1/orders/{orderId}",
                "/api/v1/contacts/{personId}", "/api/v1/object-definitions/{name}")) {
            assertThat(paths.path(read).path("get").path("parameters").toString()).as(read).contains("X-Min-Version");
        }
        assertThat(paths.path("/api/v1/persons").path("get").path("parameters").toString())
                .doesNotContain("X-Min-Version");
    }

    /** The first read with the header: 200, not stale, at least at that version. */
    private JsonNode fresh(String path, String key, String minVersion) {
        Response read = read(path, key, minVersion);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("X-Read-Model-Stale")).as(read.toString()).isNull();
        long wanted = Long.parseLong(minVersion.replace("\"", ""));
        if (read.header("ETag") != null) {
            assertThat(Long.parseLong(read.header("ETag").replace("\"", ""))).isGreaterThanOrEqualTo(wanted);
        }
        if (read.body().has("version")) {
            assertThat(read.body().get("version").asLong()).isGreaterThanOrEqualTo(wanted);
        }
        return read.body();
    }

    private Response read(String path, String key, String minVersion) {
        return api.send("GET", path, key, null, null, Map.of("X-Min-Version", minVersion));
    }

    private CompletableFuture<Timed> timed(ExecutorService readers, String path, String key, String minVersion) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            Response response = read(path, key, minVersion);
            return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
        }, readers);
    }

    /** Waited the whole bound, and not much longer. */
    private static void assertBounded(Timed timed) {
        assertThat(timed.took()).as(timed.response().toString()).isGreaterThanOrEqualTo(BOUND)
                .isLessThan(BOUND.plusSeconds(10));
    }

    private static JsonNode withoutRequestSpecifics(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("correlationId");
        copy.remove("instance");
        return copy;
    }

    private static UUID id(Response answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
        return UUID.fromString(answer.body().get("id").asText());
    }

    private static long version(Response answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
        assertThat(answer.header("ETag")).isEqualTo("\"" + answer.body().get("version").asLong() + "\"");
        return answer.body().get("version").asLong();
    }

    private record Timed(Response response, Duration took) {
    }
}
