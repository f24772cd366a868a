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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom objects over HTTP: a schema, valid and invalid records, associations both ways, property queries. */
class PlatformObjectsTest extends StandaloneTest {

    private static final Map<String, Object> SUBSCRIPTION_SCHEMA = Map.of("type", "object",
            "required", List.of("plan"), "properties", Map.of(
                    "plan", Map.of("enum", List.of("basic", "pro")),
                    "seats", Map.of("type", "integer", "minimum", 1),
                    "renewsAt", Map.of("type", "string", "format", "date"),
                    "contractNumber", Map.of("type", "string"),
                    "notes", Map.of("type", "string")));

    private TestOrganization organization;

    @BeforeEach
    void subscriptionType() {
        organization = api.createOrganization("Platform GmbH");
        Response defined = api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name",
                "subscription", "pluralName", "subscriptions", "schema", SUBSCRIPTION_SCHEMA, "displayProperty",
                "plan", "features", List.of("search", "duplicate_detection"), "uniqueProperty", "contractNumber"));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        Response association = api.post("/api/v1/object-definitions/subscription/associations",
                organization.apiKey(), Map.of("toObjectType", "company", "label", "customer", "inverseLabel",
                        "subscription", "maxPerRecord", 1));
        assertThat(association.status()).as(association.toString()).isEqualTo(200);
    }

    @Test
    void everyOrganizationHasTheSystemTypesAndNamesAreUnique() {
        JsonNode types = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/object-definitions",
                organization.apiKey()).body().get("items"), items -> items.size() == 3);
        List<String> names = new ArrayList<>();
        types.forEach(type -> names.add(type.get("name").asText() + ":" + type.get("isSystem").asBoolean()));
        assertThat(names).containsExactly("company:true", "contact:true", "subscription:false");
        Response again = api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name",
                "subscription", "pluralName", "x", "schema", SUBSCRIPTION_SCHEMA, "displayProperty", "plan"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("object_type_taken");
        assertThat(code(api.patch("/api/v1/object-definitions/company", organization.apiKey(),
                Map.of("active", false)))).isEqualTo("system_object_type");
    }

    /** Issue 17, finding 9: the list is keyset-paged, and an organization has at most 100 object types. */
    @Test
    void objectTypesAreListedPageByPageAndTheirNumberIsCapped() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("n", Map.of("type", "string")));
        int custom = io.unifiedcrm.platform.definition.command.ObjectTypeRegistry.MAX_OBJECT_TYPES - 3;
        for (int i = 0; i < custom; i++) {
            Response defined = api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name",
                    String.format("type%03d", i), "pluralName", "types" + i, "schema", schema, "displayProperty", "n"));
            assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        }
        Response beyond = api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name", "onemore",
                "pluralName", "onemores", "schema", schema, "displayProperty", "n"));
        assertThat(beyond.status()).as(beyond.toString()).isEqualTo(409);
        assertThat(beyond.body().get("code").asText()).isEqualTo("object_type_limit_reached");

        List<String> names = new ArrayList<>();
        String cursor = null;
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/object-definitions?limit=200",
                organization.apiKey()).body().get("items").size() == 100);
        do {
            Response page = api.get("/api/v1/object-definitions?limit=30" + (cursor == null ? "" : "&cursor="
                    + cursor), organization.apiKey());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            assertThat(page.body().get("items").size()).isLessThanOrEqualTo(30);
            page.body().get("items").forEach(item -> names.add(item.get("name").asText()));
            cursor = page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asText(null);
        } while (cursor != null);
        assertThat(names).hasSize(100).doesNotHaveDuplicates().isSorted().contains("company", "subscription");
        assertThat(api.get("/api/v1/object-definitions?limit=201", organization.apiKey()).status()).isEqualTo(400);
    }

    @Test
    void recordsAreValidatedAgainstTheSchemaWithOnePointerPerViolation() {
        Response invalid = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "subscription",
                "properties", Map.of("plan", "gold", "seats", 0, "renewsAt", "next week")));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(422);
        assertThat(invalid.body().get("code").asText()).isEqualTo("invalid_properties");
        List<String> pointers = new ArrayList<>();
        invalid.body().get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        assertThat(pointers).contains("/properties/plan", "/properties/seats", "/properties/renewsAt");

        UUID record = create(Map.of("plan", "pro", "seats", 12, "contractNumber", "SUB-1"));
        Response duplicate = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "subscription",
                "properties", Map.of("plan", "basic", "contractNumber", " sub-1 ")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("existingId").asText()).isEqualTo(record.toString());

        Response tooLarge = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "subscription",
                "properties", Map.of("plan", "pro", "notes", "n".repeat(70_000))));
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.body().get("code").asText()).isEqualTo("value_too_large");
        Map<String, Object> huge = new java.util.HashMap<>(Map.of("plan", "pro"));
        for (int i = 0; i < 5; i++) {
            huge.put("extra" + i, "x".repeat(60_000));
        }
        Response hugeRecord = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType",
                "subscription", "properties", huge));
        assertThat(hugeRecord.status()).isEqualTo(413);

        Response patched = api.patch("/api/v1/records/" + record, organization.apiKey(),
                Map.of("properties", Map.of("seats", 20)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode read = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/records/" + record,
                organization.apiKey()).body(), body -> body.path("version").asLong(-1) == 1);
        assertThat(read.get("properties").get("seats").asInt()).isEqualTo(20);
        assertThat(read.get("displayName").asText()).isEqualTo("pro");
        assertThat(read.get("schemaVersion").asInt()).isEqualTo(1);
    }

    @Test
    void associationsAreVisibleFromBothEndsAndGoneWithADeletedRecord() {
        UUID subscription = create(Map.of("plan", "pro", "seats", 12));
        UUID acme = company("Acme");
        UUID globex = company("Globex");
        assertThat(associate(subscription, acme).status()).isEqualTo(200);
        assertThat(code(associate(subscription, globex))).as("at most one customer")
                .isEqualTo("association_limit_reached");
        assertThat(code(api.post("/api/v1/records/" + subscription + "/associations", organization.apiKey(),
                Map.of("toRecordId", acme.toString(), "label", "supplier")))).isEqualTo("unknown_association");

        JsonNode fromSubscription = associationsOf(subscription, 1);
        assertThat(fromSubscription.get(0).get("label").asText()).isEqualTo("customer");
        assertThat(fromSubscription.get(0).get("displayName").asText()).isEqualTo("Acme");
        JsonNode fromCompany = associationsOf(acme, 1);
        assertThat(fromCompany.get(0).get("label").asText()).isEqualTo("subscription");
        assertThat(fromCompany.get(0).get("recordId").asText()).isEqualTo(subscription.toString());

        assertThat(api.send("DELETE", "/api/v1/records/" + acme, organization.apiKey(), null, null).status())
                .isEqualTo(200);
        associationsOf(subscription, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?
                  AND payload_type LIKE '%RecordsDissociatedEvent'""", Long.class, subscription.toString()) == 1);
        assertThat(associate(subscription, globex).status()).as("the limit counts the live association only")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/records/" + acme, organization.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void propertyFiltersCombineWithAndSortAndPage() {
        UUID big = create(Map.of("plan", "pro", "seats", 12, "renewsAt", "2027-01-31"));
        create(Map.of("plan", "pro", "seats", 5, "renewsAt", "2027-03-01"));
        UUID basic = create(Map.of("plan", "basic", "seats", 20));
        UUID biggest = create(Map.of("plan", "pro", "seats", 40, "renewsAt", "2026-12-24"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ids("").size() == 4);

        assertThat(ids("&filter[seats][gte]=10&filter[plan]=pro")).containsExactlyInAnyOrder(big.toString(),
                biggest.toString());
        assertThat(ids("&filter[plan][in]=basic&filter[seats][lt]=25")).containsExactly(basic.toString());
        assertThat(ids("&filter[renewsAt][exists]=false")).containsExactly(basic.toString());
        assertThat(ids("&filter[renewsAt][lt]=2027-02-01&sort=renewsAt")).containsExactly(biggest.toString(),
                big.toString());
        assertThat(ids("&filter[plan][ne]=pro")).containsExactly(basic.toString());
        assertThat(ids("&filter[plan][contains]=as")).containsExactly(basic.toString());

        List<String> bySeats = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/records?objectType=subscription&sort=-seats&limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor), organization.apiKey()).body();
            page.get("items").forEach(item -> bySeats.add(item.get("properties").get("seats").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(bySeats).containsExactly("40", "20", "12", "5");

        for (String refused : List.of("&filter[colour]=red", "&filter[seats][gte]=many", "&filter[seats][like]=1",
                "&filter[seats][contains]=1", "&sort=colour", "&page=2", "&filter[seats][gt]=1e200000",
                "&filter[renewsAt][gt]=+999999999-01-01")) {
            Response response = api.get("/api/v1/records?objectType=subscription" + refused, organization.apiKey());
            assertThat(response.status()).as(refused).isEqualTo(400);
            assertThat(response.body().get("code").asText()).as(refused).isEqualTo("invalid_filter");
        }
    }

    @Test
    void aNewSchemaVersionAppliesToTheNextWrite() {
        UUID record = create(Map.of("plan", "basic"));
        Map<String, Object> widened = Map.of("type", "object", "required", List.of("plan"), "properties", Map.of(
                "plan", Map.of("enum", List.of("basic", "pro", "enterprise")),
                "seats", Map.of("type", "integer", "minimum", 1),
                "contractNumber", Map.of("type", "string")));
        assertThat(api.patch("/api/v1/object-definitions/subscription", organization.apiKey(),
                Map.of("schema", widened)).status()).isEqualTo(200);
        Response updated = api.patch("/api/v1/records/" + record, organization.apiKey(),
                Map.of("properties", Map.of("plan", "enterprise")));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode read = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/records/" + record,
                organization.apiKey()).body(), body -> body.path("version").asLong(-1) == 1);
        assertThat(read.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> api.get(
                "/api/v1/object-definitions/subscription", organization.apiKey()).body(),
                body -> body.get("schemaVersion").asInt() == 2).get("associations").get(0).get("label").asText())
                .isEqualTo("customer");
    }

    @Test
    void unusableSchemasAndNonFiniteNumbersAre422NotErrors() {
        for (Map<String, Object> schema : List.of(
                Map.<String, Object>of("$schema", "https://example.com/x", "type", "object", "properties",
                        Map.of("a", Map.of("type", "string"))),
                Map.<String, Object>of("type", "object", "properties", Map.of("a", Map.of("$ref",
                        "#/$defs/missing"))))) {
            Response refused = api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name", "odd",
                    "pluralName", "odds", "schema", schema, "displayProperty", "a"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.body().get("code").asText()).isEqualTo("invalid_schema");
        }
        Response infinite = api.send("POST", "/api/v1/records", organization.apiKey(), "application/json",
                "{\"objectType\": \"subscription\", \"properties\": {\"plan\": \"pro\", \"seats\": 1e400}}");
        assertThat(infinite.status()).as(infinite.toString()).isEqualTo(422);
    }

    @Test
    void schemasWhoseValidationCostIsUnboundedAreRefusedAndAnExpensiveRecordIs422() {
        Map<String, Object> selfReferencing = Map.of("type", "object", "properties", Map.of("a",
                Map.of("$ref", "#/$defs/x")), "$defs", Map.of("x", Map.of("anyOf", List.of(
                        Map.of("anyOf", List.of(Map.of("$ref", "#/$defs/x"), Map.of("$ref", "#/$defs/x"))),
                        Map.of("type", "string")))));
        Response refused = api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name", "loop",
                "pluralName", "loops", "schema", selfReferencing, "displayProperty", "a"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("code").asText()).isEqualTo("invalid_schema");

        Response defined = api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name", "coded",
                "pluralName", "codeds", "displayProperty", "name", "schema", Map.of("type", "object",
                        "properties", Map.of("name", Map.of("type", "string")),
                        "patternProperties", Map.of("^c", Map.of("type", "string", "pattern", "^(a|a)*\\1$")))));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        Map<String, Object> codes = new java.util.HashMap<>(Map.of("name", "slow"));
        for (int i = 0; i < 200; i++) {
            codes.put("c" + i, "a".repeat(20) + "b");
        }
        Response tooCostly = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "coded",
                "properties", codes));
        assertThat(tooCostly.status()).as(tooCostly.toString()).isEqualTo(422);
        assertThat(tooCostly.body().get("code").asText()).isEqualTo("validation_too_costly");
    }

    /** Issue 17, finding 14: a record's owner is a person of the organization. */
    @Test
    void aRecordsOwnerIsAPersonOfTheOrganization() {
        UUID owner = api.createPerson(organization, "owner@platform-owner.example", "Olga", "Owner");
        TestOrganization other = api.createOrganization("Other Owners Ltd");
        UUID foreign = api.createPerson(other, "owner@other-owner.example", "Fred", "Foreign");
        for (UUID unknown : List.of(UUID.randomUUID(), foreign)) {
            Response refused = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType",
                    "subscription", "properties", Map.of("plan", "pro"), "ownerId", unknown.toString()));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.body().get("code").asText()).isEqualTo("unknown_owner");
        }
        Response owned = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "subscription",
                "properties", Map.of("plan", "pro"), "ownerId", owner.toString()));
        assertThat(owned.status()).as(owned.toString()).isEqualTo(201);
    }

    /** Issue 17, finding 14: a record's team is a team of the organization. */
    @Test
    void aRecordsTeamIsATeamOfTheOrganization() {
        UUID team = teamOf(organization, "Key accounts");
        TestOrganization other = api.createOrganization("Other Teams Ltd");
        UUID foreign = teamOf(other, "Their team");
        for (UUID unknown : List.of(UUID.randomUUID(), foreign)) {
            Response refused = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType",
                    "subscription", "properties", Map.of("plan", "pro"), "teamId", unknown.toString()));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.body().get("code").asText()).isEqualTo("unknown_team");
        }
        Response teamed = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "subscription",
                "properties", Map.of("plan", "pro"), "teamId", team.toString()));
        assertThat(teamed.status()).as(teamed.toString()).isEqualTo(201);
    }

    private UUID teamOf(TestOrganization owner, String name) {
        Response created = api.post("/api/v1/teams", owner.apiKey(), Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private UUID create(Map<String, Object> properties) {
        Response created = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "subscription",
                "properties", properties));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private UUID company(String name) {
        Response created = api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "company",
                "properties", Map.of("name", name)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID id = UUID.fromString(created.body().get("id").asText());
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/records/" + id, organization.apiKey()).status() == 200);
        return id;
    }

    private Response associate(UUID subscription, UUID company) {
        return api.post("/api/v1/records/" + subscription + "/associations", organization.apiKey(),
                Map.of("toRecordId", company.toString(), "label", "customer"));
    }

    private JsonNode associationsOf(UUID record, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/records/" + record
                + "?include=associations", organization.apiKey()).body().get("associations"),
                associations -> associations != null && associations.size() == count);
    }

    private List<String> ids(String query) {
        Response page = api.get("/api/v1/records?objectType=subscription" + query, organization.apiKey());
        assertThat(page.status()).as(query + " " + page).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static String code(Response response) {
        return response.body().path("code").asText(response.toString());
    }
}
