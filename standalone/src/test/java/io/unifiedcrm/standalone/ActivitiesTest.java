package io.unifiedcrm.standalone;

import static io.unifiedcrm.standalone.CrmRequests.PROJECTED;
import static io.unifiedcrm.standalone.CrmRequests.assertMoney;
import static io.unifiedcrm.standalone.CrmRequests.ok;
import static io.unifiedcrm.standalone.CrmRequests.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Activities over HTTP: the life of a task, calls, meetings and notes with exact fields, the list's filters and pages,
 * the purchase activity of a completed order, and refusals that write nothing.
 */
class ActivitiesTest extends StandaloneTest {

    @Test
    void aTaskIsCreatedChangedAndCompletedOnce() {
        TestOrganization organization = api.createOrganization("Tasks GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID tom = api.createPerson(organization, "tom@tasks.example", "Tom", "Task");
        UUID owner = api.createPerson(organization, "olga@tasks.example", "Olga", "Owner");
        Response created = api.post("/api/v1/activities", organization.apiKey(), Map.of("type", "task",
                "personId", tom.toString(), "ownerId", owner.toString(), "subject", " Send the proposal ",
                "body", "With the Q1 prices.", "dueAt", "2026-11-27T17:00:00Z"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID task = UUID.fromString(created.body().get("id").asText());
        assertThat(created.header("Location")).isEqualTo("/api/v1/activities/" + task);
        assertThat(created.body().get("version").asLong()).isZero();

        JsonNode read = crm.awaitActivity(task, 0);
        assertThat(read.get("type").asText()).isEqualTo("task");
        assertThat(read.get("personId").asText()).isEqualTo(tom.toString());
        assertThat(read.get("ownerId").asText()).isEqualTo(owner.toString());
        assertThat(read.get("subject").asText()).isEqualTo("Send the proposal");
        assertThat(read.get("body").asText()).isEqualTo("With the Q1 prices.");
        assertThat(read.get("dueAt").asText()).isEqualTo("2026-11-27T17:00:00Z");
        assertThat(read.get("completed").asBoolean()).isFalse();
        assertThat(read.get("completedAt").isNull()).isTrue();
        assertThat(read.get("occurredAt").asText()).as("a task sits on the timeline where it was created")
                .isEqualTo(read.get("createdAt").asText());
        for (String absent : List.of("dealId", "companyId", "durationSeconds", "outcome", "startAt", "endAt",
                "orderId", "amount")) {
            assertThat(read.get(absent).isNull()).as(absent).isTrue();
        }

        Map<String, Object> patch = new HashMap<>(Map.of("subject", "Send the revised proposal"));
        patch.put("dueAt", null);
        long changed = ok(api.send("PATCH", "/api/v1/activities/" + task, organization.apiKey(),
                "application/merge-patch+json", patch, Map.of("If-Match", "\"0\"")));
        assertThat(changed).isEqualTo(1);
        JsonNode afterChange = crm.awaitActivity(task, 1);
        assertThat(afterChange.get("subject").asText()).isEqualTo("Send the revised proposal");
        assertThat(afterChange.get("dueAt").isNull()).isTrue();
        assertThat(afterChange.get("body").asText()).as("absent members stay").isEqualTo("With the Q1 prices.");

        long completed = ok(api.post("/api/v1/activities/" + task + "/complete", organization.apiKey(), null));
        assertThat(completed).isEqualTo(2);
        JsonNode done = crm.awaitActivity(task, 2);
        assertThat(done.get("completed").asBoolean()).isTrue();
        assertThat(Instant.parse(done.get("completedAt").asText()))
                .isAfter(Instant.parse(afterChange.get("updatedAt").asText()));
        assertThat(done.get("completedAt").asText()).isEqualTo(done.get("updatedAt").asText());
        Response again = api.post("/api/v1/activities/" + task + "/complete", organization.apiKey(), null);
        assertThat(ok(again)).as("completing twice changes nothing").isEqualTo(2);
        assertThat(api.get("/api/v1/activities/" + task, organization.apiKey()).body().get("completedAt").asText())
                .isEqualTo(done.get("completedAt").asText());

        UUID call = crm.activity(Map.of("type", "call", "personId", tom.toString(), "outcome", "busy"));
        problem(api.post("/api/v1/activities/" + call + "/complete", organization.apiKey(), null), 409,
                "not_a_task");
    }

    @Test
    void callsMeetingsAndNotesKeepTheirOwnFields() {
        TestOrganization organization = api.createOrganization("Calls GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID cora = api.createPerson(organization, "cora@calls.example", "Cora", "Call");
        UUID acme = crm.company("Acme", "acme.example");
        UUID deal = UUID.fromString(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "Deal"))
                .body().get("id").asText());

        UUID call = crm.activity(Map.of("type", "call", "personId", cora.toString(), "companyId", acme.toString(),
                "outcome", "connected", "durationSeconds", 540, "occurredAt", "2026-11-20T15:00:00Z",
                "subject", "Discovery call"));
        JsonNode loggedCall = crm.awaitActivity(call, 0);
        assertThat(loggedCall.get("outcome").asText()).isEqualTo("connected");
        assertThat(loggedCall.get("durationSeconds").asLong()).isEqualTo(540);
        assertThat(loggedCall.get("occurredAt").asText()).isEqualTo("2026-11-20T15:00:00Z");
        assertThat(loggedCall.get("companyId").asText()).isEqualTo(acme.toString());
        assertThat(loggedCall.get("subject").asText()).isEqualTo("Discovery call");

        UUID quickCall = crm.activity(Map.of("type", "call", "personId", cora.toString(), "outcome",
                "left_voicemail"));
        JsonNode quick = crm.awaitActivity(quickCall, 0);
        assertThat(quick.get("occurredAt").asText()).as("when it was logged")
                .isEqualTo(quick.get("createdAt").asText());
        assertThat(quick.get("durationSeconds").isNull()).isTrue();

        UUID meeting = crm.activity(Map.of("type", "meeting", "personId", cora.toString(), "dealId",
                deal.toString(), "subject", "Kick-off", "startAt", "2026-11-24T10:00:00Z", "endAt",
                "2026-11-24T11:00:00Z"));
        JsonNode met = crm.awaitActivity(meeting, 0);
        assertThat(met.get("occurredAt").asText()).as("its start").isEqualTo("2026-11-24T10:00:00Z");
        assertThat(met.get("endAt").asText()).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(met.get("dealId").asText()).isEqualTo(deal.toString());

        UUID note = crm.activity(Map.of("type", "note", "companyId", acme.toString(), "body", "Budget approved.",
                "occurredAt", "2026-11-21T08:30:00Z"));
        JsonNode noted = crm.awaitActivity(note, 0);
        assertThat(noted.get("body").asText()).isEqualTo("Budget approved.");
        assertThat(noted.get("personId").isNull()).isTrue();
        assertThat(noted.get("occurredAt").asText()).isEqualTo("2026-11-21T08:30:00Z");

        Map<String, Object> backToLogged = new HashMap<>();
        backToLogged.put("occurredAt", null);
        ok(api.patch("/api/v1/activities/" + note, organization.apiKey(), backToLogged));
        JsonNode renoted = crm.awaitActivity(note, 1);
        assertThat(renoted.get("occurredAt").asText()).as("without occurredAt: when it was logged")
                .isEqualTo(renoted.get("createdAt").asText());
    }

    @Test
    void theListIsNewestFirstFilteredByPersonDealCompanyAndTypeInPages() {
        TestOrganization organization = api.createOrganization("Timeline GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID tia = api.createPerson(organization, "tia@timeline.example", "Tia", "Timeline");
        UUID ulf = api.createPerson(organization, "ulf@timeline.example", "Ulf", "Other");
        UUID acme = crm.company("Acme", null);
        UUID deal = UUID.fromString(api.post("/api/v1/deals", organization.apiKey(), Map.of("name", "Deal"))
                .body().get("id").asText());
        UUID oldest = crm.activity(Map.of("type", "note", "personId", tia.toString(), "body", "1",
                "occurredAt", "2026-01-01T00:00:00Z"));
        UUID call = crm.activity(Map.of("type", "call", "personId", tia.toString(), "companyId", acme.toString(),
                "outcome", "connected", "occurredAt", "2026-02-01T00:00:00Z"));
        UUID meeting = crm.activity(Map.of("type", "meeting", "personId", tia.toString(), "dealId", deal.toString(),
                "subject", "M", "startAt", "2026-03-01T00:00:00Z", "endAt", "2026-03-01T01:00:00Z"));
        UUID ulfs = crm.activity(Map.of("type", "note", "personId", ulf.toString(), "body", "4",
                "occurredAt", "2026-04-01T00:00:00Z"));
        await().atMost(PROJECTED).until(() -> crm.activityIds("").size() == 4);

        assertThat(crm.activityIds("")).containsExactly(ulfs.toString(), meeting.toString(), call.toString(),
                oldest.toString());
        assertThat(crm.activityIds("?personId=" + tia)).containsExactly(meeting.toString(), call.toString(),
                oldest.toString());
        assertThat(crm.activityIds("?dealId=" + deal)).containsExactly(meeting.toString());
        assertThat(crm.activityIds("?companyId=" + acme)).containsExactly(call.toString());
        assertThat(crm.activityIds("?type=note")).containsExactly(ulfs.toString(), oldest.toString());
        assertThat(crm.activityIds("?type=note&personId=" + tia)).containsExactly(oldest.toString());
        assertThat(crm.activityIds("?personId=" + UUID.randomUUID())).isEmpty();

        JsonNode first = api.get("/api/v1/activities?personId=" + tia + "&limit=2", organization.apiKey()).body();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("id").asText()).isEqualTo(meeting.toString());
        JsonNode second = api.get("/api/v1/activities?personId=" + tia + "&limit=2&cursor="
                + first.get("nextCursor").asText(), organization.apiKey()).body();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("id").asText()).isEqualTo(oldest.toString());
        assertThat(second.get("nextCursor").isNull()).isTrue();

        problem(api.get("/api/v1/activities?type=email", organization.apiKey()), 400, "invalid_filter");
        problem(api.get("/api/v1/activities?limit=0", organization.apiKey()), 400, "invalid_limit");
        problem(api.get("/api/v1/activities?cursor=nope", organization.apiKey()), 400, "invalid_cursor");
        assertThat(api.get("/api/v1/activities?personId=x", organization.apiKey()).status()).isEqualTo(400);
        TestOrganization other = api.createOrganization("Other Timeline GmbH");
        assertThat(api.get("/api/v1/activities?personId=" + tia, other.apiKey()).body().get("items")).isEmpty();
        problem(api.get("/api/v1/activities/" + call, other.apiKey()), 404, "not_found");
    }

    @Test
    void aCompletedOrderAddsExactlyOnePurchaseToThePersonsTimeline() {
        TestOrganization organization = api.createOrganization("Purchase Timeline GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID pete = api.createPerson(organization, "pete@purchase-timeline.example", "Pete", "Purchase");
        UUID order = crm.completedOrder(pete, "MUG-T");
        JsonNode completed = crm.awaitCompleted(order);
        await().atMost(PROJECTED).until(() -> crm.activityIds("?personId=" + pete).size() == 1);

        JsonNode purchase = api.get("/api/v1/activities?personId=" + pete, organization.apiKey()).body()
                .get("items").get(0);
        assertThat(purchase.get("type").asText()).isEqualTo("purchase");
        assertThat(purchase.get("orderId").asText()).isEqualTo(order.toString());
        assertThat(purchase.get("subject").asText()).isEqualTo("Completed order " + order + " for 34.65 EUR");
        assertMoney(purchase.get("amount"), "34.65");
        assertThat(purchase.get("occurredAt").asText()).isEqualTo(completed.get("completedAt").asText());
        assertThat(purchase.get("version").asLong()).isZero();
        assertThat(purchase.get("id").asText()).as("derived from the order's id").isEqualTo(UUID.nameUUIDFromBytes(
                ("purchase/" + order).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        assertThat(api.get("/api/v1/contacts/" + pete, organization.apiKey()).status())
                .as("Pete is no contact: only his timeline has it").isEqualTo(404);
        problem(api.patch("/api/v1/activities/" + purchase.get("id").asText(), organization.apiKey(),
                Map.of("subject", "Mine")), 404, "not_found");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM crm.order_total WHERE order_id = ?", Long.class, order))
                .as("the total is kept only until the order completes").isZero();
    }

    @Test
    void badInputIsRefusedWithAProblemAndWritesNothing() {
        TestOrganization organization = api.createOrganization("Bad Activities GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID bea = api.createPerson(organization, "bea@bad-activities.example", "Bea", "Bad");
        UUID call = crm.activity(Map.of("type", "call", "personId", bea.toString(), "outcome", "busy"));
        long events = CrmRequests.eventsOf(jdbc, organization.id());
        String person = bea.toString();
        Function<Map<String, Object>, Response> post = body -> api.post("/api/v1/activities", organization.apiKey(),
                body);

        problem(post.apply(Map.of("personId", person, "body", "x")), 400, "invalid_request");
        problem(post.apply(Map.of("type", "email", "personId", person)), 422, "unknown_activity_type");
        problem(post.apply(Map.of("type", "purchase", "personId", person)), 422, "unknown_activity_type");
        problem(post.apply(Map.of("type", "note", "personId", person, "body", "x", "dueAt", "2026-12-01T00:00:00Z")),
                422, "field_not_applicable");
        problem(post.apply(Map.of("type", "task", "personId", person)), 422, "required_field");
        problem(post.apply(Map.of("type", "task", "personId", person, "subject", "s".repeat(201))), 422,
                "text_too_long");
        problem(post.apply(Map.of("type", "note", "personId", person, "body", "b".repeat(10_001))), 422,
                "text_too_long");
        problem(post.apply(Map.of("type", "call", "personId", person, "outcome", "hung_up")), 422,
                "unknown_call_outcome");
        problem(post.apply(Map.of("type", "call", "personId", person, "outcome", "busy", "durationSeconds", -5)), 422,
                "invalid_duration");
        problem(post.apply(Map.of("type", "meeting", "personId", person, "subject", "M", "startAt",
                "2026-12-01T10:00:00Z", "endAt", "2026-12-01T09:00:00Z")), 422, "invalid_meeting_time");
        problem(post.apply(Map.of("type", "task", "subject", "Nobody's")), 422, "activity_without_link");
        problem(post.apply(Map.of("type", "note", "personId", UUID.randomUUID().toString(), "body", "x")), 422,
                "unknown_person");
        problem(post.apply(Map.of("type", "note", "companyId", bea.toString(), "body", "x")), 422, "unknown_company");
        problem(post.apply(Map.of("type", "note", "dealId", UUID.randomUUID().toString(), "body", "x")), 422,
                "unknown_deal");
        problem(post.apply(Map.of("type", "task", "personId", person, "subject", "S", "dueAt",
                "+300000-01-01T00:00:00Z")), 422, "invalid_date");
        problem(post.apply(Map.of("type", "note", "personId", person, "body", "x", "occurredAt",
                "-5000-01-01T00:00:00Z")), 422, "invalid_date");
        problem(post.apply(Map.of("type", "task", "personId", person, "subject", "S", "dueAt", "soon")), 400,
                "invalid_type");
        problem(post.apply(Map.of("type", "task", "personId", person, "subject", "S", "completed", true)), 400,
                "unknown_property");
        problem(api.patch("/api/v1/activities/" + call, organization.apiKey(), Map.of("startAt",
                "2026-12-01T10:00:00Z")), 422, "field_not_applicable");
        problem(api.send("PATCH", "/api/v1/activities/" + call, organization.apiKey(), "application/merge-patch+json",
                Map.of("outcome", "connected"), Map.of("If-Match", "\"7\"")), 412, "version_mismatch");
        problem(api.patch("/api/v1/activities/" + UUID.randomUUID(), organization.apiKey(), Map.of("subject", "S")),
                404, "not_found");

        assertThat(CrmRequests.eventsOf(jdbc, organization.id())).as("nothing written").isEqualTo(events);
    }
}
