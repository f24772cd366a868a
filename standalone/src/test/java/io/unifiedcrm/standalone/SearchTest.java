package io.unifiedcrm.standalone;

import static io.unifiedcrm.standalone.CrmRequests.PROJECTED;
import static io.unifiedcrm.standalone.CrmRequests.created;
import static io.unifiedcrm.standalone.CrmRequests.ok;
import static io.unifiedcrm.standalone.CrmRequests.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * GET /search over the search projection: exact identifiers first, prefixes of every word, typos in names, products,
 * deals, companies and records of searchable types, type filters, keyset pages, tenancy, archived and deleted
 * entities.
 */
class SearchTest extends StandaloneTest {

    @Test
    void anExactEmailRanksFirstAboveAPersonWhoseNameAndAddressContainTheSameWord() {
        TestOrganization organization = api.createOrganization("Search Email GmbH");
        UUID casey = api.createPerson(organization, "jordan@search-email.example", "Casey", "Miller");
        UUID jordan = api.createPerson(organization, "jordan@search-email.example.net", "Jordan", "Jordanson");

        JsonNode hits = awaitHits(organization, "q=" + encode("Jordan@Search-Email.example"),
                found -> ids(found).containsAll(List.of(casey.toString(), jordan.toString())));
        assertThat(ids(hits)).as("the exact address first, then the prefix match").containsExactly(casey.toString(),
                jordan.toString());
        JsonNode first = hits.get("items").get(0);
        assertThat(first.get("type").asText()).isEqualTo("person");
        assertThat(first.get("title").asText()).isEqualTo("Casey Miller");
        assertThat(first.get("subtitle").asText()).isEqualTo("jordan@search-email.example");
        assertThat(first.get("link").asText()).isEqualTo("/api/v1/persons/" + casey);
        assertThat(first.get("score").decimalValue()).as("exact tier").isBetween(new BigDecimal(2), new BigDecimal(3));
        assertThat(hits.get("items").get(1).get("score").decimalValue()).as("full-text tier")
                .isBetween(BigDecimal.ONE, new BigDecimal(2));
        assertThat(first.get("highlight").get("field").asText()).isEqualTo("email");
        assertThat(first.get("highlight").get("snippet").asText())
                .isEqualTo("<mark>jordan</mark>@<mark>search</mark>-<mark>email</mark>.<mark>example</mark>");

        JsonNode byWord = search(organization, "q=jordan");
        assertThat(ids(byWord)).containsExactlyInAnyOrder(casey.toString(), jordan.toString());
        assertThat(byWord.get("items").get(0).get("id").asText()).as("the name and the address match: ranked higher")
                .isEqualTo(jordan.toString());
    }

    /**
     * The vector written with a document is what the schema's own function computes from its fields (the projection
     * joins the texts itself rather than calling the function per row), for documents of every kind written so far,
     * inserted and updated.
     */
    @Test
    void everyDocumentsVectorIsTheOneTheSchemaFunctionComputesFromItsFields() {
        TestOrganization organization = api.createOrganization("Search Vector GmbH");
        UUID person = api.createPerson(organization, "zoe@search-vector.example", "Zoë", "Ångström");
        assertThat(api.patch("/api/v1/persons/" + person, organization.apiKey(), Map.of("middleName", "Éva",
                "displayName", "Dr. Zoë Ångström", "phone", "+49 30 1234567")).status()).isEqualTo(200);
        await().atMost(PROJECTED).until(() -> jdbc.queryForObject("SELECT count(*) FROM system.search_document "
                + "WHERE id = ? AND title = 'Dr. Zoë Ångström'", Long.class, person) == 1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM system.search_document", Long.class)).isPositive();
        assertThat(jdbc.queryForList("""
                        SELECT type || ' ' || id FROM system.search_document
                        WHERE document IS DISTINCT FROM system.search_vector(fields)""", String.class))
                .as("documents whose vector differs from system.search_vector(fields)").isEmpty();
    }

    @Test
    void everyWordIsAPrefixAndPhoneNumbersAreFound() {
        TestOrganization organization = api.createOrganization("Search Prefix GmbH");
        UUID jonathan = created(api.post("/api/v1/persons", organization.apiKey(), Map.of("email",
                "js@search-prefix.example", "firstName", "Jonathan", "lastName", "Smith", "phone",
                "+44 20 7946 0958")));
        UUID jonas = api.createPerson(organization, "jm@search-prefix.example", "Jonas", "Miller");
        UUID anna = api.createPerson(organization, "as@search-prefix.example", "Anna", "Smithers");
        awaitHits(organization, "q=" + encode("anna smithers"), found -> ids(found).contains(anna.toString()));

        JsonNode hits = search(organization, "q=" + encode("jon smi"));
        JsonNode first = hits.get("items").get(0);
        assertThat(first.get("id").asText()).isEqualTo(jonathan.toString());
        assertThat(first.get("highlight").get("field").asText()).isEqualTo("name");
        assertThat(first.get("highlight").get("snippet").asText()).isEqualTo("<mark>Jonathan</mark> <mark>Smith</mark>");
        assertThat(fullTextIds(hits)).as("both words must match").containsExactly(jonathan.toString())
                .doesNotContain(jonas.toString(), anna.toString());
        assertThat(ids(search(organization, "q=" + encode("JONATHAN   smith")))).startsWith(jonathan.toString());

        JsonNode phone = search(organization, "q=4420794");
        assertThat(ids(phone)).containsExactly(jonathan.toString());
        assertThat(phone.get("items").get(0).get("highlight").get("field").asText()).isEqualTo("phone");
        assertThat(ids(search(organization, "q=" + encode("+442079")))).containsExactly(jonathan.toString());
    }

    /** Issue 17, finding 14: characters that unaccent turns into tsquery syntax (’ → ', ‖ → ||, ∖ → \). */
    @Test
    void wordsThatUnaccentTurnsIntoQuotesBarsOrBackslashesAreSearchedNotA500() {
        TestOrganization organization = api.createOrganization("Search Unaccent GmbH");
        UUID brien = api.createPerson(organization, "ob@search-unaccent.example", "Seán", "O’Brien");
        awaitHits(organization, "q=" + encode("sean"), found -> ids(found).contains(brien.toString()));

        for (String query : List.of("o’brien", "‖‖", "o’brien ‖ ∖", "∖’", "ʼ‘’‛")) {
            Response answer = api.get("/api/v1/search?q=" + encode(query), organization.apiKey());
            assertThat(answer.status()).as(query + ": " + answer).isEqualTo(200);
        }
        assertThat(ids(search(organization, "q=" + encode("o’brien")))).contains(brien.toString());
    }

    @Test
    void aCompanyIsFoundDespiteAOneLetterTypoAndExactlyByItsDomain() {
        TestOrganization organization = api.createOrganization("Search Typo GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID globex = crm.company("Globex Corporation", "globex-typo.example");
        UUID initech = crm.company("Initech", "initech-typo.example");
        awaitHits(organization, "q=initech", found -> ids(found).contains(initech.toString()));

        JsonNode typo = search(organization, "q=" + encode("Globex Corporaton"));
        assertThat(ids(typo)).containsExactly(globex.toString());
        JsonNode hit = typo.get("items").get(0);
        assertThat(hit.get("type").asText()).isEqualTo("company");
        assertThat(hit.get("objectType").asText()).isEqualTo("company");
        assertThat(hit.get("title").asText()).isEqualTo("Globex Corporation");
        assertThat(hit.get("subtitle").asText()).isEqualTo("globex-typo.example");
        assertThat(hit.get("link").asText()).isEqualTo("/api/v1/records/" + globex);
        assertThat(hit.get("score").decimalValue()).as("fuzzy tier").isLessThan(BigDecimal.ONE);
        assertThat(hit.get("highlight").get("snippet").asText())
                .isEqualTo("<mark>Globex</mark> <mark>Corporation</mark>");
        assertThat(ids(search(organization, "q=" + encode("Glbex")))).as("a typo in a single word")
                .containsExactly(globex.toString());

        JsonNode domain = search(organization, "q=globex-typo.example");
        assertThat(ids(domain)).startsWith(globex.toString());
        assertThat(domain.get("items").get(0).get("score").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal(2));
    }

    @Test
    void aProductWithTheExactSkuComesFirstAndAnArchivedProductIsNotFound() {
        TestOrganization organization = api.createOrganization("Search Sku GmbH");
        UUID deluxe = product(organization, "LAMP-70", "Lamp 7 deluxe");
        UUID lamp = product(organization, "LAMP-7", "Desk lamp");
        UUID other = product(organization, "CHAIR-1", "Office chair");
        awaitHits(organization, "q=chair", found -> ids(found).contains(other.toString()));

        JsonNode hits = search(organization, "q=lamp-7");
        assertThat(ids(hits)).containsExactly(lamp.toString(), deluxe.toString());
        JsonNode first = hits.get("items").get(0);
        assertThat(first.get("type").asText()).isEqualTo("product");
        assertThat(first.get("subtitle").asText()).isEqualTo("LAMP-7");
        assertThat(first.get("link").asText()).isEqualTo("/api/v1/products/" + lamp);
        assertThat(first.get("highlight").get("field").asText()).isEqualTo("sku");

        ok(api.patch("/api/v1/products/" + deluxe, organization.apiKey(), Map.of("status", "archived")));
        awaitHits(organization, "q=lamp-7", found -> ids(found).equals(List.of(lamp.toString())));
    }

    @Test
    void aDealIsFoundByItsName() {
        TestOrganization organization = api.createOrganization("Search Deal GmbH");
        UUID deal = created(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "Umbrella renewal 2027",
                "amount", Map.of("amount", "1200.50", "currency", "EUR"))));

        JsonNode hits = awaitHits(organization, "q=" + encode("umbrella ren"),
                found -> ids(found).contains(deal.toString()));
        JsonNode hit = hits.get("items").get(0);
        assertThat(hit.get("type").asText()).isEqualTo("deal");
        assertThat(hit.get("title").asText()).isEqualTo("Umbrella renewal 2027");
        assertThat(hit.get("subtitle").asText()).startsWith("open · 1200.5");
        assertThat(hit.get("link").asText()).isEqualTo("/api/v1/deals/" + deal);

        ok(api.post("/api/v1/deals/" + deal + "/won", organization.apiKey(), null));
        awaitHits(organization, "q=umbrella&types=deal",
                found -> found.get("items").get(0).get("subtitle").asText().startsWith("won"));
    }

    @Test
    void recordsAreFoundWhileTheirTypeHasTheSearchFeatureAndTheyAreNeitherArchivedNorDeleted() {
        TestOrganization organization = api.createOrganization("Search Records GmbH");
        ok201(api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name", "vessel", "pluralName",
                "vessels", "displayProperty", "name", "features", List.of("search"), "schema", Map.of("type",
                        "object", "properties", Map.of("name", Map.of("type", "string"), "port",
                                Map.of("type", "string"), "tonnage", Map.of("type", "integer"))))));
        ok201(api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name", "crate", "pluralName",
                "crates", "displayProperty", "label", "schema", Map.of("type", "object", "properties",
                        Map.of("label", Map.of("type", "string"))))));
        // records are projected in the order of their organization's stream: once the vessel is found, the crate
        // created before it has been projected too
        UUID crate = record(organization, "crate", Map.of("label", "Nautilus crate"));
        UUID vessel = record(organization, "vessel", Map.of("name", "Nautilus", "port", "Vigo", "tonnage", 1870));

        JsonNode hits = awaitHits(organization, "q=nautilus", found -> ids(found).contains(vessel.toString()));
        assertThat(ids(hits)).as("not the crate: its type has no search feature").containsExactly(vessel.toString());
        JsonNode hit = hits.get("items").get(0);
        assertThat(hit.get("type").asText()).isEqualTo("record");
        assertThat(hit.get("objectType").asText()).isEqualTo("vessel");
        assertThat(hit.get("subtitle").asText()).isEqualTo("vessel");
        assertThat(hit.get("link").asText()).isEqualTo("/api/v1/records/" + vessel);
        JsonNode byPort = search(organization, "q=vigo");
        assertThat(ids(byPort)).containsExactly(vessel.toString());
        assertThat(byPort.get("items").get(0).get("highlight").get("field").asText()).isEqualTo("port");

        ok(api.patch("/api/v1/object-definitions/crate", organization.apiKey(), Map.of("features",
                List.of("search"))));
        awaitHits(organization, "q=nautilus", found -> ids(found).containsAll(List.of(vessel.toString(),
                crate.toString())));
        ok(api.patch("/api/v1/object-definitions/vessel", organization.apiKey(), Map.of("features", List.of())));
        awaitHits(organization, "q=nautilus", found -> ids(found).equals(List.of(crate.toString())));
        ok(api.patch("/api/v1/object-definitions/vessel", organization.apiKey(), Map.of("features",
                List.of("search"))));
        awaitHits(organization, "q=nautilus", found -> ids(found).size() == 2);

        ok(api.post("/api/v1/records/" + vessel + "/archive", organization.apiKey(), null));
        awaitHits(organization, "q=nautilus", found -> ids(found).equals(List.of(crate.toString())));
        ok(api.post("/api/v1/records/" + vessel + "/restore", organization.apiKey(), null));
        awaitHits(organization, "q=nautilus", found -> ids(found).size() == 2);
        Response deleted = api.send("DELETE", "/api/v1/records/" + crate, organization.apiKey(), null, null);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        awaitHits(organization, "q=nautilus", found -> ids(found).equals(List.of(vessel.toString())));
    }

    @Test
    void typesFilterTheHitsAndBadRequestsAreRefused() {
        TestOrganization organization = api.createOrganization("Search Types GmbH");
        UUID person = api.createPerson(organization, "quokka@search-types.example", "Quokka", "Person");
        UUID company = new CrmRequests(api, organization).company("Quokka Company", null);
        UUID product = product(organization, "QUOKKA-1", "Quokka plush");
        awaitHits(organization, "q=quokka", found -> ids(found).size() == 3);

        assertThat(ids(search(organization, "q=quokka&types=person"))).containsExactly(person.toString());
        assertThat(ids(search(organization, "q=quokka&types=" + encode("product, company"))))
                .containsExactlyInAnyOrder(product.toString(), company.toString());
        assertThat(ids(search(organization, "q=quokka&types=deal,record"))).isEmpty();

        problem(api.get("/api/v1/search?q=quokka&types=person,persons", organization.apiKey()), 400,
                "invalid_types");
        problem(api.get("/api/v1/search?q=quokka&types=person,", organization.apiKey()), 400, "invalid_types");
        problem(api.get("/api/v1/search", organization.apiKey()), 400, "invalid_query");
        problem(api.get("/api/v1/search?q=" + encode(" q "), organization.apiKey()), 400, "invalid_query");
        problem(api.get("/api/v1/search?q=" + "x".repeat(201), organization.apiKey()), 400, "invalid_query");
        problem(api.get("/api/v1/search?q=quokka&limit=0", organization.apiKey()), 400, "invalid_limit");
        problem(api.get("/api/v1/search?q=quokka&cursor=nonsense", organization.apiKey()), 400, "invalid_cursor");
        problem(api.get("/api/v1/search?q=quokka&cursor=" + java.util.Base64.getUrlEncoder().encodeToString(
                ("[\"7\",\"" + person + "\"]").getBytes(StandardCharsets.UTF_8)), organization.apiKey()), 400,
                "invalid_cursor");
        assertThat(ids(search(organization, "q=" + encode("'\\:*&|!()<> ")))).as("tsquery syntax is text").isEmpty();
        assertThat(ids(search(organization, "q=" + encode("quokka'")))).hasSize(3);
    }

    @Test
    void pagesWalkEveryHitOnceAcrossTheFullTextAndTheFuzzyTier() {
        TestOrganization organization = api.createOrganization("Search Paging GmbH");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(api.createPerson(organization, "pager" + i + "@search-paging.example", "Pager",
                    i % 2 == 0 ? "Even" : "Odd").toString());
        }
        created.add(api.createPerson(organization, "p1@search-paging.example", "Paiger", "Smith").toString());
        created.add(api.createPerson(organization, "p2@search-paging.example", "Paiger", "Jones").toString());
        awaitHits(organization, "q=pager&limit=200", found -> ids(found).size() == 9);

        List<String> walked = new ArrayList<>();
        List<BigDecimal> scores = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = search(organization, "q=pager&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(item -> {
                walked.add(item.get("id").asText());
                scores.add(item.get("score").decimalValue());
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(walked).as("every hit once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(pages).isEqualTo(5);
        assertThat(scores).as("best first").isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(scores.get(6)).as("the full-text tier").isGreaterThanOrEqualTo(BigDecimal.ONE);
        assertThat(scores.get(7)).as("then the fuzzy tier").isLessThan(BigDecimal.ONE);
        assertThat(walked).as("the whole list in one page is the same order")
                .isEqualTo(ids(search(organization, "q=pager&limit=200")));
    }

    @Test
    void aMergedPersonIsNotFoundAndItsAddressFindsTheSurvivor() {
        TestOrganization organization = api.createOrganization("Search Merge GmbH");
        UUID survivor = api.createPerson(organization, "wren@search-merge.example", "Wren", "Survivor");
        UUID source = api.createPerson(organization, "wren.old@search-merge.example", "Wren", "Source");
        awaitHits(organization, "q=wren", found -> ids(found).size() == 2);

        ok(api.post("/api/v1/persons/" + survivor + "/merge", organization.apiKey(), Map.of("sourcePersonId",
                source.toString())));
        JsonNode hits = awaitHits(organization, "q=wren.old@search-merge.example",
                found -> ids(found).equals(List.of(survivor.toString())));
        assertThat(hits.get("items").get(0).get("highlight").get("field").asText()).isEqualTo("secondaryEmails");
        assertThat(hits.get("items").get(0).get("score").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal(2));

        ok(api.post("/api/v1/persons/" + survivor + "/unmerge", organization.apiKey(), Map.of("sourcePersonId",
                source.toString())));
        awaitHits(organization, "q=wren.old@search-merge.example",
                found -> ids(found).equals(List.of(source.toString())));
    }

    @Test
    void anotherOrganizationsDocumentsNeverAppear() {
        TestOrganization alpha = api.createOrganization("Search Alpha GmbH");
        TestOrganization beta = api.createOrganization("Search Beta GmbH");
        String unique = "Xylophonist" + Long.toHexString(System.nanoTime());
        UUID person = api.createPerson(alpha, "xylo@search-alpha.example", unique, "Alpha");
        UUID product = product(alpha, "XYLO-" + Long.toHexString(System.nanoTime()), unique + " record");
        UUID company = new CrmRequests(api, alpha).company(unique + " Inc", "xylo-alpha.example");
        awaitHits(alpha, "q=" + unique, found -> ids(found).containsAll(List.of(person.toString(),
                product.toString(), company.toString())));

        for (String query : List.of(unique, unique.substring(0, 6), unique.toLowerCase() + "x",
                "xylo@search-alpha.example", "xylo-alpha.example")) {
            Response answer = api.get("/api/v1/search?q=" + encode(query), beta.apiKey());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("items")).as(query).isEmpty();
            assertThat(answer.raw().body()).doesNotContain(person.toString(), product.toString(), company.toString());
        }
    }

    private JsonNode search(TestOrganization organization, String query) {
        Response answer = api.get("/api/v1/search?" + query, organization.apiKey());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private JsonNode awaitHits(TestOrganization organization, String query, Predicate<JsonNode> condition) {
        return await().atMost(PROJECTED).until(() -> search(organization, query), condition);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> fullTextIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (item.get("score").decimalValue().compareTo(BigDecimal.ONE) >= 0) {
                ids.add(item.get("id").asText());
            }
        });
        return ids;
    }

    private UUID product(TestOrganization organization, String sku, String name) {
        return created(api.post("/api/v1/products", organization.apiKey(), Map.of("sku", sku, "name", name,
                "price", Map.of("amount", "10", "currency", "EUR"))));
    }

    private UUID record(TestOrganization organization, String type, Map<String, Object> properties) {
        return created(api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", type,
                "properties", properties)));
    }

    private static void ok201(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
