package io.unifiedcrm.standalone;

import static io.unifiedcrm.standalone.CrmRequests.PROJECTED;
import static io.unifiedcrm.standalone.CrmRequests.assertMoney;
import static io.unifiedcrm.standalone.CrmRequests.created;
import static io.unifiedcrm.standalone.CrmRequests.ok;
import static io.unifiedcrm.standalone.CrmRequests.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contacts over HTTP: a person made a contact, its fields changed and read back exactly; lastContactedAt from
 * connected calls and meetings that took place; the last purchase from a completed order; merged persons; refusals.
 */
class ContactsTest extends StandaloneTest {

    @Test
    void aPersonBecomesAContactWhoseChangedFieldsReadBackExactly() {
        TestOrganization organization = api.createOrganization("Contacts GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID ada = api.createPerson(organization, "ada@contacts.example", "Ada", "Lovelace");
        UUID owner = api.createPerson(organization, "olli@contacts.example", "Olli", "Owner");
        UUID acme = crm.company("Acme", "acme.example");
        UUID globex = crm.company("Globex", null);

        Response made = api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", ada.toString(),
                "jobTitle", " Head of Engineering ", "department", "Engineering", "companyId", acme.toString(),
                "leadStatus", "contacted", "leadSource", "trade_fair", "ownerId", owner.toString(),
                "nextFollowUp", "2026-12-01T09:00:00Z"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.header("Location")).isEqualTo("/api/v1/contacts/" + ada);
        assertThat(made.body().get("id").asText()).isEqualTo(ada.toString());
        long version = made.body().get("version").asLong();
        assertThat(version).as("the person's version: created, contact, contact fields").isEqualTo(2);
        assertThat(made.header("ETag")).isEqualTo("\"2\"");

        JsonNode contact = crm.awaitContact(ada, body -> body.get("version").asLong() == 2);
        assertThat(contact.get("personId").asText()).isEqualTo(ada.toString());
        assertThat(contact.get("jobTitle").asText()).isEqualTo("Head of Engineering");
        assertThat(contact.get("department").asText()).isEqualTo("Engineering");
        assertThat(contact.get("companyId").asText()).isEqualTo(acme.toString());
        assertThat(contact.get("leadStatus").asText()).isEqualTo("contacted");
        assertThat(contact.get("leadSource").asText()).isEqualTo("trade_fair");
        assertThat(contact.get("ownerId").asText()).isEqualTo(owner.toString());
        assertThat(contact.get("nextFollowUp").asText()).isEqualTo("2026-12-01T09:00:00Z");
        assertThat(contact.get("lastContactedAt").isNull()).isTrue();
        assertThat(contact.get("lastPurchaseAt").isNull()).isTrue();
        assertThat(contact.get("lastPurchaseAmount").isNull()).isTrue();
        assertThat(contact.get("recordId").isNull()).isTrue();
        // made and given its fields by one command: two events, whose timestamps may be a millisecond apart
        assertThat(Instant.parse(contact.get("updatedAt").asText()))
                .isBetween(Instant.parse(contact.get("createdAt").asText()),
                        Instant.parse(contact.get("createdAt").asText()).plusSeconds(1));

        Map<String, Object> patch = new HashMap<>(Map.of("jobTitle", "CTO", "leadStatus", "qualified",
                "companyId", globex.toString()));
        patch.put("department", null);
        patch.put("nextFollowUp", null);
        Response changed = api.send("PATCH", "/api/v1/contacts/" + ada, organization.apiKey(),
                "application/merge-patch+json", patch, Map.of("If-Match", "\"2\""));
        assertThat(ok(changed)).isEqualTo(3);
        JsonNode after = crm.awaitContact(ada, body -> body.get("version").asLong() == 3);
        assertThat(after.get("jobTitle").asText()).isEqualTo("CTO");
        assertThat(after.get("leadStatus").asText()).isEqualTo("qualified");
        assertThat(after.get("companyId").asText()).isEqualTo(globex.toString());
        assertThat(after.get("department").isNull()).isTrue();
        assertThat(after.get("nextFollowUp").isNull()).isTrue();
        assertThat(after.get("leadSource").asText()).as("absent members stay").isEqualTo("trade_fair");
        assertThat(after.get("ownerId").asText()).isEqualTo(owner.toString());
        assertThat(after.get("createdAt").asText()).isEqualTo(contact.get("createdAt").asText());
        assertThat(Instant.parse(after.get("updatedAt").asText()))
                .isAfter(Instant.parse(contact.get("updatedAt").asText()));

        UUID record = created(api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "contact",
                "personId", ada.toString(), "properties", Map.of("name", "Ada Lovelace"))));
        assertThat(crm.awaitContact(ada, body -> !body.get("recordId").isNull()).get("recordId").asText())
                .as("the contact record with the custom properties").isEqualTo(record.toString());

        JsonNode person = await().atMost(PROJECTED).until(() -> api.get("/api/v1/persons/" + ada,
                organization.apiKey()).body(), body -> "lead".equals(body.path("flags").path("lifecycleStage")
                .asText()));
        assertThat(person.get("flags").get("isLead").asBoolean()).as("a contact is a lead").isTrue();
    }

    @Test
    void aContactIsMadeOnceOfAPersonOfTheOrganizationThatIsNotMerged() {
        TestOrganization organization = api.createOrganization("Contact Rules GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID sam = api.createPerson(organization, "sam@contact-rules.example", "Sam", "Survivor");
        UUID sue = api.createPerson(organization, "sue@contact-rules.example", "Sue", "Source");
        crm.contact(sam, Map.of());

        Response again = api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", sam.toString()));
        problem(again, 409, "already_a_contact");
        assertThat(again.body().get("existingId").asText()).isEqualTo(sam.toString());

        ok(api.post("/api/v1/persons/" + sam + "/merge", organization.apiKey(), Map.of("sourcePersonId",
                sue.toString())));
        Response merged = api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", sue.toString()));
        problem(merged, 409, "person_merged");
        assertThat(merged.body().get("existingId").asText()).as("the survivor").isEqualTo(sam.toString());

        problem(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId",
                UUID.randomUUID().toString())), 422, "unknown_person");
        TestOrganization other = api.createOrganization("Other Contact Rules GmbH");
        UUID stranger = api.createPerson(other, "stan@contact-rules.example", "Stan", "Stranger");
        problem(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", stranger.toString())), 422,
                "unknown_person");
        problem(api.patch("/api/v1/contacts/" + stranger, organization.apiKey(), Map.of("jobTitle", "CTO")), 404,
                "not_found");
        UUID plain = api.createPerson(organization, "pia@contact-rules.example", "Pia", "Plain");
        problem(api.patch("/api/v1/contacts/" + plain, organization.apiKey(), Map.of("jobTitle", "CTO")), 409,
                "not_a_contact");
        problem(api.get("/api/v1/contacts/" + plain, organization.apiKey()), 404, "not_found");
    }

    @Test
    void badInputIsRefusedWithAProblemAndWritesNothing() {
        TestOrganization organization = api.createOrganization("Bad Contacts GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID ada = api.createPerson(organization, "ada@bad-contacts.example", "Ada", "Lovelace");
        UUID notACompany = created(api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "contact",
                "properties", Map.of("name", "Not a company"))));
        UUID bob = api.createPerson(organization, "bob@bad-contacts.example", "Bob", "Contact");
        crm.contact(bob, Map.of("jobTitle", "Buyer"));
        long events = CrmRequests.eventsOf(jdbc, organization.id());

        String person = ada.toString();
        problem(api.post("/api/v1/contacts", organization.apiKey(), Map.of()), 400, "invalid_request");
        problem(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", person, "jobTitle", 7)), 400,
                "invalid_type");
        problem(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", person, "leadStatus", "hot")),
                422, "unknown_lead_status");
        problem(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", person, "companyId",
                notACompany.toString())), 422, "unknown_company");
        problem(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", person, "ownerId",
                UUID.randomUUID().toString())), 422, "unknown_owner");
        problem(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", person, "department",
                "d".repeat(201))), 422, "text_too_long");
        problem(api.post("/api/v1/contacts", organization.apiKey(), Map.of("personId", person, "nextFollowUp",
                "tomorrow")), 400, "invalid_type");
        Map<String, Object> removeStatus = new HashMap<>();
        removeStatus.put("leadStatus", null);
        problem(api.patch("/api/v1/contacts/" + bob, organization.apiKey(), removeStatus), 422, "required_field");
        problem(api.send("PATCH", "/api/v1/contacts/" + bob, organization.apiKey(), "application/merge-patch+json",
                Map.of("jobTitle", "CEO"), Map.of("If-Match", "\"0\"")), 412, "version_mismatch");
        problem(api.patch("/api/v1/contacts/" + bob, organization.apiKey(), Map.of("leadScore", 10)), 400,
                "unknown_property");

        assertThat(CrmRequests.eventsOf(jdbc, organization.id())).as("nothing written").isEqualTo(events);
        assertThat(api.get("/api/v1/contacts/" + ada, organization.apiKey()).status()).isEqualTo(404);
    }

    @Test
    void lastContactedAtIsTheLatestConnectedCallOrMeetingThatTookPlace() {
        TestOrganization organization = api.createOrganization("Contacted GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID cleo = api.createPerson(organization, "cleo@contacted.example", "Cleo", "Called");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant called = now.minus(3, ChronoUnit.HOURS);
        // before Cleo is a contact: the contact row picks it up when she becomes one
        crm.activity(Map.of("type", "call", "personId", cleo.toString(), "outcome", "connected",
                "durationSeconds", 300, "occurredAt", called.toString()));
        crm.activity(Map.of("type", "call", "personId", cleo.toString(), "outcome", "no_answer",
                "occurredAt", now.minus(1, ChronoUnit.HOURS).toString()));
        crm.contact(cleo, Map.of());
        assertThat(crm.awaitContact(cleo, body -> !body.get("lastContactedAt").isNull()).get("lastContactedAt")
                .asText()).as("the connected call; a call nobody answered does not count").isEqualTo(called.toString());

        Instant ended = now.minus(30, ChronoUnit.MINUTES);
        crm.activity(Map.of("type", "meeting", "personId", cleo.toString(), "subject", "Demo",
                "startAt", now.minus(90, ChronoUnit.MINUTES).toString(), "endAt", ended.toString()));
        assertThat(crm.awaitContact(cleo, body -> !body.get("lastContactedAt").asText().equals(called.toString()))
                .get("lastContactedAt").asText()).as("the meeting's end").isEqualTo(ended.toString());

        UUID planned = crm.activity(Map.of("type", "meeting", "personId", cleo.toString(), "subject", "Next steps",
                "startAt", now.plus(1, ChronoUnit.DAYS).toString(),
                "endAt", now.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).toString()));
        UUID note = crm.activity(Map.of("type", "note", "personId", cleo.toString(), "body", "Prefers e-mail."));
        crm.awaitActivity(planned, 0);
        crm.awaitActivity(note, 0);
        assertThat(api.get("/api/v1/contacts/" + cleo, organization.apiKey()).body().get("lastContactedAt").asText())
                .as("a meeting still to come and a note do not count").isEqualTo(ended.toString());
        assertThat(jdbc.queryForObject("SELECT last_contacted_at FROM crm.contact WHERE person_id = ?",
                Timestamp.class, cleo).toInstant()).as("stored on the contact row").isEqualTo(ended);
    }

    @Test
    void aCompletedOrderIsTheContactsLastPurchase() {
        TestOrganization organization = api.createOrganization("Purchases GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID paula = api.createPerson(organization, "paula@purchases.example", "Paula", "Purchase");
        crm.contact(paula, Map.of("leadStatus", "qualified"));

        UUID order = crm.completedOrder(paula, "MUG-P");
        JsonNode completed = crm.awaitCompleted(order);
        JsonNode contact = crm.awaitContact(paula, body -> !body.get("lastPurchaseAt").isNull());
        assertThat(contact.get("lastPurchaseAt").asText()).as("when the order completed")
                .isEqualTo(completed.get("completedAt").asText());
        assertMoney(contact.get("lastPurchaseAmount"), "34.65");
        assertThat(crm.activityIds("?personId=" + paula + "&type=purchase")).as("exactly one purchase")
                .hasSize(1);
        Map<String, Object> stored = jdbc.queryForMap("SELECT last_purchase_at, last_purchase_amount, "
                + "last_purchase_currency FROM crm.contact WHERE person_id = ?", paula);
        assertThat(((Timestamp) stored.get("last_purchase_at")).toInstant())
                .isEqualTo(Instant.parse(completed.get("completedAt").asText()));
        assertThat((BigDecimal) stored.get("last_purchase_amount")).isEqualByComparingTo("34.65");
        assertThat(stored.get("last_purchase_currency")).isEqualTo("EUR");
    }

    @Test
    void aSurvivorsContactCountsTheCallsAndPurchasesOfPersonsMergedIntoIt() {
        TestOrganization organization = api.createOrganization("Merged Contacts GmbH");
        CrmRequests crm = new CrmRequests(api, organization);
        UUID sam = api.createPerson(organization, "sam@merged-contacts.example", "Sam", "Survivor");
        UUID sue = api.createPerson(organization, "sue@merged-contacts.example", "Sue", "Source");
        crm.contact(sam, Map.of("jobTitle", "Buyer"));
        Instant called = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        UUID call = crm.activity(Map.of("type", "call", "personId", sue.toString(), "outcome", "connected",
                "occurredAt", called.toString()));
        UUID order = crm.completedOrder(sue, "MUG-M");
        JsonNode completed = crm.awaitCompleted(order);
        await().atMost(PROJECTED).until(() -> crm.activityIds("?personId=" + sue).size() == 2);
        assertThat(api.get("/api/v1/contacts/" + sam, organization.apiKey()).body().get("lastContactedAt").isNull())
                .isTrue();

        ok(api.post("/api/v1/persons/" + sam + "/merge", organization.apiKey(), Map.of("sourcePersonId",
                sue.toString())));
        JsonNode survivor = crm.awaitContact(sam, body -> !body.get("lastContactedAt").isNull());
        assertThat(survivor.get("lastContactedAt").asText()).isEqualTo(called.toString());
        assertThat(survivor.get("lastPurchaseAt").asText()).isEqualTo(completed.get("completedAt").asText());
        assertMoney(survivor.get("lastPurchaseAmount"), "34.65");
        assertThat(survivor.get("jobTitle").asText()).isEqualTo("Buyer");
        assertThat(crm.activityIds("?personId=" + sam)).as("newest first, the merged person's included")
                .hasSize(2).last().isEqualTo(call.toString());
        assertThat(jdbc.queryForObject("SELECT last_contacted_at FROM crm.contact WHERE person_id = ?",
                Timestamp.class, sam)).as("the row keeps the person's own").isNull();
    }
}
