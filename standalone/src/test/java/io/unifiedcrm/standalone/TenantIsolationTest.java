package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.unifiedcrm.crm.pipeline.command.DefaultPipeline;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.modelling.command.Repository;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation on every endpoint, read from the application's handler mappings at runtime, so that a new
 * endpoint is covered the day it is added: organization B's credential on organization A's resource ids answers
 * 404 with the same body as a missing id, lists show B nothing of A, and nothing of A changes.
 */
class TenantIsolationTest extends StandaloneTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** A valid body for each mutation that takes one; a new endpoint with a body must add its sample here. */
    private static final Map<String, Object> ADDRESS = Map.of("type", "billing", "lines", List.of("1 Main St"),
            "city", "Berlin", "countryCode", "DE");
    private static final Map<String, Object> SAMPLE_BODIES = Map.ofEntries(
            Map.entry("PATCH /api/v1/organizations/{organizationId}", Map.of("name", "Hijacked")),
            Map.entry("POST /api/v1/organizations", Map.of("name", "Sample", "baseCurrency", "EUR")),
            Map.entry("POST /api/v1/persons", Map.of("email", "sample@tenant-b.example", "firstName", "S",
                    "lastName", "B")),
            Map.entry("PATCH /api/v1/persons/{personId}", Map.of("firstName", "Mallory")),
            Map.entry("POST /api/v1/persons/{personId}/merge", Map.of("sourcePersonId", UUID.randomUUID().toString())),
            Map.entry("POST /api/v1/persons/{personId}/unmerge",
                    Map.of("sourcePersonId", UUID.randomUUID().toString())),
            Map.entry("POST /api/v1/organizations/{organizationId}/api-keys", Map.of("access", "read_write")),
            Map.entry("POST /api/v1/teams", Map.of("name", "Sample team")),
            Map.entry("POST /api/v1/teams/{teamId}/members", Map.of("personId", UUID.randomUUID().toString())),
            Map.entry("POST /api/v1/addresses", ADDRESS),
            Map.entry("PUT /api/v1/addresses/{addressId}", ADDRESS),
            Map.entry("POST /api/v1/object-definitions", Map.of("name", "vehicle", "pluralName", "vehicles",
                    "schema", Map.of("type", "object", "properties", Map.of("plate", Map.of("type", "string"))),
                    "displayProperty", "plate")),
            Map.entry("PATCH /api/v1/object-definitions/{name}", Map.of("pluralName", "Hijacked")),
            Map.entry("POST /api/v1/object-definitions/{name}/associations", Map.of("toObjectType", "company",
                    "label", "hijacked", "inverseLabel", "hijacker")),
            Map.entry("POST /api/v1/records", Map.of("objectType", "company", "properties", Map.of("name", "B"))),
            Map.entry("PATCH /api/v1/records/{recordId}", Map.of("properties", Map.of("name", "Hijacked"))),
            Map.entry("POST /api/v1/products", Map.of("sku", "B-1", "name", "B", "price", Map.of("amount", "1",
                    "currency", "EUR"))),
            Map.entry("PATCH /api/v1/products/{productId}", Map.of("name", "Hijacked")),
            Map.entry("POST /api/v1/products/{productId}/restock", Map.of("quantity", 1000)),
            Map.entry("POST /api/v1/products/{productId}/inventory-adjustment", Map.of("onHand", 0, "reason", "x")),
            Map.entry("POST /api/v1/records/{recordId}/associations", Map.of("toRecordId",
                    UUID.randomUUID().toString(), "label", "employer")),
            Map.entry("POST /api/v1/orders", Map.of("personId", UUID.randomUUID().toString())),
            Map.entry("POST /api/v1/orders/{orderId}/items", Map.of("productId", UUID.randomUUID().toString(),
                    "quantity", 1)),
            Map.entry("POST /api/v1/orders/{orderId}/pay", Map.of("amount", Map.of("amount", "1", "currency", "EUR"),
                    "method", "card")),
            Map.entry("POST /api/v1/orders/{orderId}/refunds", Map.of("amount", Map.of("amount", "1",
                    "currency", "EUR"))),
            Map.entry("POST /api/v1/orders/{orderId}/fulfil", Map.of()),
            Map.entry("POST /api/v1/orders/{orderId}/cancel", Map.of("reason", "hijacked")),
            Map.entry("POST /api/v1/pipelines", Map.of("name", "B pipeline", "stages", List.of(Map.of("name", "Open",
                    "probability", 10)))),
            Map.entry("PATCH /api/v1/pipelines/{pipelineId}", Map.of("name", "Hijacked")),
            Map.entry("POST /api/v1/pipelines/{pipelineId}/stages", Map.of("name", "Hijacked", "probability", 10)),
            Map.entry("PATCH /api/v1/pipelines/{pipelineId}/stages/{stageId}", Map.of("name", "Hijacked")),
            Map.entry("PUT /api/v1/pipelines/{pipelineId}/stage-order", Map.of("stageIds",
                    List.of(UUID.randomUUID().toString()))),
            Map.entry("POST /api/v1/deals", Map.of("name", "B deal")),
            Map.entry("PATCH /api/v1/deals/{dealId}", Map.of("name", "Hijacked")),
            Map.entry("POST /api/v1/deals/{dealId}/stage", Map.of("stageId", UUID.randomUUID().toString())),
            Map.entry("POST /api/v1/deals/{dealId}/lost", Map.of("reason", "hijacked")),
            Map.entry("POST /api/v1/deals/{dealId}/reopen", Map.of("stageId", UUID.randomUUID().toString())),
            Map.entry("POST /api/v1/contacts", Map.of("personId", UUID.randomUUID().toString())),
            Map.entry("PATCH /api/v1/contacts/{personId}", Map.of("jobTitle", "Hijacked")),
            Map.entry("POST /api/v1/activities", Map.of("type", "note", "body", "Hijacked", "personId",
                    UUID.randomUUID().toString())),
            Map.entry("PATCH /api/v1/activities/{activityId}", Map.of("body", "Hijacked")));

    @Autowired
    private Map<String, Repository<?>> repositories;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private TestOrganization alpha;
    private TestOrganization beta;
    private Map<String, String> alphasIds;

    @BeforeEach
    void twoOrganizations() {
        alpha = api.createOrganization("Alpha Tenant");
        beta = api.createOrganization("Beta Tenant");
        UUID person = api.createPerson(alpha, "ada@alpha-tenant.example", "Ada", "Lovelace");
        String apiKeyId = api.post("/api/v1/organizations/" + alpha.id() + "/api-keys", alpha.apiKey(),
                Map.of("access", "read_only")).body().get("id").asText();
        String teamId = api.post("/api/v1/teams", alpha.apiKey(), Map.of("name", "Alpha team")).body()
                .get("id").asText();
        assertThat(api.post("/api/v1/teams/" + teamId + "/members", alpha.apiKey(),
                Map.of("personId", person.toString())).status()).isEqualTo(200);
        Response address = api.post("/api/v1/addresses", alpha.apiKey(), Map.of("entityType", "person",
                "entityId", person.toString(), "type", "home", "lines", List.of("1 Alpha Way"), "city", "Paris",
                "countryCode", "FR"));
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/object-definitions", alpha.apiKey(), Map.of("name", "alpha_only", "pluralName",
                "alpha_onlies", "schema", Map.of("type", "object", "properties", Map.of("code", Map.of("type",
                        "string"))), "displayProperty", "code")).status()).isEqualTo(201);
        Response company = api.post("/api/v1/records", alpha.apiKey(), Map.of("objectType", "company",
                "properties", Map.of("name", "Alpha Corp")));
        assertThat(company.status()).as(company.toString()).isEqualTo(201);
        Response product = api.post("/api/v1/products", alpha.apiKey(), Map.of("sku", "ALPHA-1", "name", "Alpha",
                "price", Map.of("amount", "1", "currency", "EUR")));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        String lineId = UUID.randomUUID().toString();
        Response order = api.post("/api/v1/orders", alpha.apiKey(), Map.of("personId", person.toString(),
                "items", List.of(Map.of("lineId", lineId, "productId", product.body().get("id").asText(),
                        "quantity", 1))));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        Response contact = api.post("/api/v1/contacts", alpha.apiKey(), Map.of("personId", person.toString()));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        Response note = api.post("/api/v1/activities", alpha.apiKey(), Map.of("type", "note", "body", "Alpha only",
                "personId", person.toString(), "companyId", company.body().get("id").asText()));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        Response deal = api.post("/api/v1/deals", alpha.apiKey(), Map.of("name", "Alpha deal", "personId",
                person.toString(), "companyId", company.body().get("id").asText()));
        assertThat(deal.status()).as(deal.toString()).isEqualTo(201);
        alphasIds = Map.ofEntries(Map.entry("dealId", deal.body().get("id").asText()),
                Map.entry("pipelineId", DefaultPipeline.idOf(alpha.id()).toString()),
                Map.entry("stageId", DefaultPipeline.stageIdOf(alpha.id(), "qualified_to_buy").toString()),
                Map.entry("orderId", order.body().get("id").asText()), Map.entry("lineId", lineId),
                Map.entry("activityId", note.body().get("id").asText()),
                Map.entry("organizationId", alpha.id().toString()),
                Map.entry("personId", person.toString()), Map.entry("apiKeyId", apiKeyId), Map.entry("teamId", teamId),
                Map.entry("addressId", address.body().get("id").asText()),
                Map.entry("recordId", company.body().get("id").asText()), Map.entry("name", "alpha_only"),
                Map.entry("label", "employer"), Map.entry("toRecordId", company.body().get("id").asText()),
                Map.entry("productId", product.body().get("id").asText()));
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/persons/" + person, alpha.apiKey()).status() == 200
                        && api.get("/api/v1/records/" + alphasIds.get("recordId"), alpha.apiKey()).status() == 200
                        && api.get("/api/v1/object-definitions/alpha_only", alpha.apiKey()).status() == 200
                        && api.get("/api/v1/products/" + alphasIds.get("productId"), alpha.apiKey()).status() == 200
                        && api.get("/api/v1/deals/" + alphasIds.get("dealId"), alpha.apiKey()).status() == 200
                        && api.get("/api/v1/pipelines/" + alphasIds.get("pipelineId"), alpha.apiKey()).status() == 200
                        && api.get("/api/v1/activities/" + alphasIds.get("activityId"), alpha.apiKey()).status() == 200
                        && api.get("/api/v1/contacts/" + person, alpha.apiKey()).status() == 200
                        // the order made Ada a customer, then she became a contact: the person row has caught up
                        && jdbc.queryForObject("SELECT version FROM identity.person WHERE id = ?", Long.class,
                        person) == 2);
    }

    @Test
    void organizationBCanNeitherReadNorChangeAnythingOfOrganizationA() {
        String alphaBefore = snapshotOf(alpha.id());
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                    String route = method.name() + " " + pattern;
                    Object body = bodyFor(route, mapping.getValue());
                    check(route, method.name(), pattern, body);
                    checked.add(route);
                }
            }
        }
        assertThat(checked).as("the endpoints found at runtime").contains(
                "GET /api/v1/persons/{personId}", "PATCH /api/v1/persons/{personId}", "GET /api/v1/persons",
                "GET /api/v1/organizations/{organizationId}",
                "DELETE /api/v1/organizations/{organizationId}/api-keys/{apiKeyId}",
                "GET /api/v1/teams/{teamId}", "DELETE /api/v1/teams/{teamId}/members/{personId}",
                "PATCH /api/v1/organizations/{organizationId}");
        assertThat(snapshotOf(alpha.id())).as("nothing of A changed").isEqualTo(alphaBefore);
    }

    /**
     * Issue 17, finding 14: B's commands naming A's aggregates, in the path or in the body, are refused before those
     * aggregates are locked or loaded. Every lock of A's aggregates is held meanwhile (through each repository's
     * own lock factory): a command that took one would wait for it instead of answering.
     */
    @Test
    void organizationBsCommandsNeverWaitForTheLocksOfOrganizationAsAggregates() throws Exception {
        String alphaBefore = snapshotOf(alpha.id());
        UUID betasPerson = api.createPerson(beta, "bob@beta-tenant.example", "Bob", "Beta");
        List<Lock> held = new ArrayList<>();
        try {
            for (Repository<?> repository : repositories.values()) {
                LockFactory locks = (LockFactory) ReflectionTestUtils.getField(repository, "lockFactory");
                for (String id : alphasIds.values()) {
                    if (id.length() == 36) {
                        held.add(locks.obtainLock(id));
                    }
                }
            }
            List<String> checked = new ArrayList<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
                for (String pattern : mapping.getKey().getPatternValues()) {
                    for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
                        String route = method.name() + " " + pattern;
                        if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/admin/")
                                || method == RequestMethod.GET || !PATH_VARIABLE.matcher(pattern).find()) {
                            continue;
                        }
                        Object body = bodyFor(route, mapping.getValue());
                        Response foreign = answerWithin(method.name(), substitute(pattern, alphasIds),
                                body == null ? null : contentType(method.name()), body);
                        assertThat(foreign.status()).as(route + " " + foreign).isEqualTo(404);
                        checked.add(route);
                    }
                }
            }
            assertThat(checked).contains("PATCH /api/v1/persons/{personId}", "POST /api/v1/orders/{orderId}/pay",
                    "PATCH /api/v1/deals/{dealId}", "PATCH /api/v1/records/{recordId}");
            String person = alphasIds.get("personId");
            List<Map.Entry<String, Object>> namedInTheBody = List.of(
                    Map.entry("/api/v1/orders", Map.of("personId", person)),
                    Map.entry("/api/v1/deals", Map.of("name", "B deal", "personId", person)),
                    Map.entry("/api/v1/persons/" + betasPerson + "/merge", Map.of("sourcePersonId", person)),
                    Map.entry("/api/v1/orders", Map.of("personId", betasPerson.toString(), "items", List.of(Map.of(
                            "lineId", UUID.randomUUID().toString(), "productId", alphasIds.get("productId"),
                            "quantity", 1)))));
            for (Map.Entry<String, Object> request : namedInTheBody) {
                Response answer = answerWithin("POST", request.getKey(), "application/json", request.getValue());
                assertThat(answer.status()).as("POST " + request.getKey() + " " + answer).isEqualTo(422);
            }
        } finally {
            held.forEach(Lock::release);
        }
        assertThat(snapshotOf(alpha.id())).as("nothing of A changed").isEqualTo(alphaBefore);
    }

    /** B's request, answered within seconds (it is never queued behind a lock of A). */
    private Response answerWithin(String method, String path, String contentType, Object body) throws Exception {
        return CompletableFuture.supplyAsync(() -> sendWithinRateLimit(method, path, beta.apiKey(), contentType, body))
                .get(20, TimeUnit.SECONDS);
    }

    private void check(String route, String method, String pattern, Object body) {
        if (pattern.startsWith("/api/v1/admin/") || route.equals("POST /api/v1/organizations")) {
            Response response = sendWithinRateLimit(method, substitute(pattern, alphasIds), beta.apiKey(),
                    body == null ? null : "application/json", body);
            assertThat(response.status()).as(route + ": platform admin only").isEqualTo(403);
            return;
        }
        if (!PATH_VARIABLE.matcher(pattern).find()) {
            Response response = sendWithinRateLimit(method, pattern, beta.apiKey(),
                    body == null ? null : contentType(method), body);
            assertThat(response.status()).as(route + " " + response).isLessThan(500);
            assertThat(response.raw().body()).as(route + ": none of A's data")
                    .doesNotContain(alpha.id().toString())
                    .doesNotContain(alphasIds.get("personId"))
                    .doesNotContain("ada@alpha-tenant.example");
            return;
        }
        Response foreign = sendWithinRateLimit(method, substitute(pattern, alphasIds), beta.apiKey(),
                body == null ? null : contentType(method), body);
        Response missing = sendWithinRateLimit(method, substitute(pattern, Map.of()), beta.apiKey(),
                body == null ? null : contentType(method), body);
        assertThat(foreign.status()).as(route + " " + foreign).isEqualTo(404);
        assertThat(withoutRequestSpecifics(foreign.body())).as(route + ": same as a missing id")
                .isEqualTo(withoutRequestSpecifics(missing.body()));
    }

    /**
     * Sends a request, again after the organization's rate limit lets it through (every endpoint twice for
     * organization B is more than the test configuration's bucket; a refused request changed nothing).
     */
    private Response sendWithinRateLimit(String method, String path, String credential, String contentType,
                                         Object body) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.send(method, path, credential, contentType, body),
                        response -> response.status() != 429);
    }

    private static Object bodyFor(String route, HandlerMethod handler) {
        boolean takesBody = Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
        if (!takesBody) {
            return null;
        }
        assertThat(SAMPLE_BODIES).as("add a sample body for the new endpoint " + route).containsKey(route);
        return SAMPLE_BODIES.get(route);
    }

    private static String contentType(String method) {
        return method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
    }

    /** Fills path variables from {@code ids}; unknown variables (a missing resource) get a random id. */
    private static String substitute(String pattern, Map<String, String> ids) {
        Matcher variables = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = ids.getOrDefault(variables.group(1), UUID.randomUUID().toString());
            variables.appendReplacement(path, value);
        }
        variables.appendTail(path);
        return path.toString();
    }

    /** Everything stored about organization A: its events, read models and credentials. */
    private String snapshotOf(UUID organizationId) {
        return jdbc.queryForList("""
                        SELECT global_index, aggregate_identifier, sequence_number FROM axon.domain_event_entry
                        WHERE aggregate_identifier = ?
                           OR convert_from(payload, 'UTF8')::jsonb ->> 'organizationId' = ?
                        ORDER BY global_index""", organizationId.toString(), organizationId.toString()).toString()
                + jdbc.queryForList("SELECT * FROM identity.person WHERE organization_id = ? ORDER BY id",
                organizationId)
                + jdbc.queryForList("SELECT * FROM identity.organization WHERE id = ?", organizationId)
                + jdbc.queryForList("SELECT api_key_id, revoked_at FROM auth.api_key WHERE organization_id = ?"
                + " ORDER BY api_key_id", organizationId)
                + jdbc.queryForList("SELECT t.*, (SELECT array_agg(person_id ORDER BY person_id)::text FROM "
                + "identity.team_member m WHERE m.team_id = t.id) AS members FROM identity.team t "
                + "WHERE organization_id = ? ORDER BY id", organizationId)
                + jdbc.queryForList("SELECT * FROM shared.address WHERE organization_id = ? ORDER BY id",
                organizationId)
                + jdbc.queryForList("SELECT * FROM platform.object_definition WHERE organization_id = ? ORDER BY id",
                organizationId)
                + jdbc.queryForList("SELECT id, properties::text, version FROM platform.record "
                + "WHERE organization_id = ? ORDER BY id", organizationId)
                + jdbc.queryForList("SELECT * FROM crm.contact WHERE organization_id = ? ORDER BY person_id",
                organizationId)
                + jdbc.queryForList("SELECT * FROM crm.activity WHERE organization_id = ? ORDER BY id", organizationId)
                + jdbc.queryForList("SELECT p.id, p.name, p.version, i.on_hand FROM commerce.product p JOIN "
                + "commerce.inventory_level i ON i.product_id = p.id WHERE p.organization_id = ? ORDER BY p.id",
                organizationId)
                + jdbc.queryForList("SELECT * FROM crm.pipeline_stage WHERE organization_id = ? ORDER BY id",
                organizationId)
                + jdbc.queryForList("SELECT * FROM crm.deal WHERE organization_id = ? ORDER BY id", organizationId);
    }

    private static JsonNode withoutRequestSpecifics(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("correlationId");
        copy.remove("instance");
        return copy;
    }
}
