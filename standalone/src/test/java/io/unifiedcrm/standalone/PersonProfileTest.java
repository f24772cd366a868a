package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The whole person over HTTP: the seed's fields, JSON merge-patch, e-mail change, account, source extensions. */
class PersonProfileTest extends StandaloneTest {

    @Test
    void theSeedsFieldsAreStoredAndAMergePatchKeepsAbsentMembersAndRemovesNullOnes() {
        TestOrganization organization = api.createOrganization("Profile GmbH");
        Map<String, Object> create = new HashMap<>(Map.of("email", "ada@profile.example", "firstName", "Ada",
                "lastName", "Lovelace", "middleName", "Augusta", "displayName", "Ada L.", "avatarUrl",
                "https://cdn.example.com/ada.png", "phone", "+44 20 7946 0958", "source", "referral"));
        create.put("sourceDetails", Map.of("campaign", "spring", "utm", Map.of("medium", "mail", "term", "x")));
        Response created = api.post("/api/v1/persons", organization.apiKey(), create);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID person = UUID.fromString(created.body().get("id").asText());
        assertThat(created.body().get("version").asLong()).isEqualTo(2);

        JsonNode read = readAtVersion(organization, person, 2);
        assertThat(read.get("middleName").asText()).isEqualTo("Augusta");
        assertThat(read.get("displayName").asText()).isEqualTo("Ada L.");
        assertThat(read.get("avatarUrl").asText()).isEqualTo("https://cdn.example.com/ada.png");
        assertThat(read.get("phone").asText()).isEqualTo("+442079460958");
        assertThat(read.get("sourceDetails").get("utm").get("term").asText()).isEqualTo("x");
        assertThat(read.get("secondaryEmails").size()).isZero();
        assertThat(read.get("mergedIntoId").isNull()).isTrue();

        String patch = """
                {"phone": null, "middleName": null, "displayName": "Countess",
                 "sourceDetails": {"campaign": null, "utm": {"term": null}, "form": "signup"}}""";
        Response patched = api.send("PATCH", "/api/v1/persons/" + person, organization.apiKey(),
                "application/merge-patch+json", patch);
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode after = readAtVersion(organization, person, patched.body().get("version").asLong());
        assertThat(after.get("phone").isNull()).isTrue();
        assertThat(after.get("middleName").isNull()).isTrue();
        assertThat(after.get("displayName").asText()).isEqualTo("Countess");
        assertThat(after.get("firstName").asText()).as("absent member unchanged").isEqualTo("Ada");
        assertThat(after.get("avatarUrl").asText()).isEqualTo("https://cdn.example.com/ada.png");
        assertThat(after.get("sourceDetails").toString()).isEqualTo("{\"utm\":{\"medium\":\"mail\"},\"form\":\"signup\"}");
    }

    @Test
    void requiredMembersCannotBeRemovedAndInvalidValuesAre422WithNothingChanged() {
        TestOrganization organization = api.createOrganization("Required GmbH");
        UUID person = api.createPerson(organization, "grace@required.example", "Grace", "Hopper");
        for (String body : new String[] {"{\"email\": null}", "{\"lastName\": null}",
                "{\"firstName\": \"Grace\", \"avatarUrl\": \"ftp://x\"}", "{\"phone\": \"12\"}",
                "{\"sourceDetails\": {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": {\"f\": {\"g\": {\"h\": 1}}}}}}}}}"}) {
            Response refused = api.send("PATCH", "/api/v1/persons/" + person, organization.apiKey(),
                    "application/merge-patch+json", body);
            assertThat(refused.status()).as(body + " " + refused).isEqualTo(422);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, person.toString())).isEqualTo(1);
    }

    @Test
    void aChangedEmailAddressIsClaimedAndThePreviousOneIsFreeAgain() {
        TestOrganization organization = api.createOrganization("Email Change GmbH");
        UUID ada = api.createPerson(organization, "ada@change.example", "Ada", "Lovelace");
        UUID grace = api.createPerson(organization, "grace@change.example", "Grace", "Hopper");

        Response taken = api.patch("/api/v1/persons/" + ada, organization.apiKey(),
                Map.of("email", "GRACE@change.example"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("existingId").asText()).isEqualTo(grace.toString());

        Response changed = api.patch("/api/v1/persons/" + ada, organization.apiKey(),
                Map.of("email", "ada.king@change.example"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "ada.king@change.example",
                "firstName", "X", "lastName", "Y")).body().get("existingId").asText()).isEqualTo(ada.toString());
        Response reused = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "ada@change.example",
                "firstName", "Another", "lastName", "Ada"));
        assertThat(reused.status()).as("the previous address is free").isEqualTo(201);
        assertThat(readAtVersion(organization, ada, 1).get("email").asText()).isEqualTo("ada.king@change.example");
    }

    @Test
    void registeringAnAccountAndVerifyingTheEmailEarnFlagsAndLeadScore() {
        TestOrganization organization = api.createOrganization("Account GmbH");
        UUID person = api.createPerson(organization, "ada@account.example", "Ada", "Lovelace");
        assertThat(api.post("/api/v1/persons/" + person + "/account-registration", organization.apiKey(), null)
                .status()).isEqualTo(200);
        assertThat(api.post("/api/v1/persons/" + person + "/email-verification", organization.apiKey(), null)
                .status()).isEqualTo(200);
        JsonNode flags = readAtVersion(organization, person, 2).get("flags");
        assertThat(flags.get("hasAccount").asBoolean()).isTrue();
        assertThat(flags.get("leadScore").asInt()).isEqualTo(20);
        assertThat(flags.get("rulebookVersion").asText()).isEqualTo("4");
    }

    @Test
    void aCheckoutMakesACustomerWithANumberAndALeadFormAContact() {
        TestOrganization organization = api.createOrganization("Extensions GmbH");
        UUID first = created(organization, "first@ext.example", "checkout");
        UUID second = created(organization, "second@ext.example", "checkout");
        UUID lead = created(organization, "lead@ext.example", "lead_form");
        UUID organic = created(organization, "organic@ext.example", "organic");

        JsonNode firstCustomer = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/customers/" + first, organization.apiKey()), r -> r.status() == 200).body();
        assertThat(firstCustomer.get("customerNumber").asText()).isEqualTo("C000001");
        assertThat(await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/customers/" + second, organization.apiKey()), r -> r.status() == 200).body()
                .get("customerNumber").asText()).isEqualTo("C000002");
        JsonNode contact = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/contacts/" + lead, organization.apiKey()), r -> r.status() == 200).body();
        assertThat(contact.get("leadStatus").asText()).isEqualTo("new");
        assertThat(contact.get("leadSource").asText()).isEqualTo("lead_form");
        assertThat(readAtVersion(organization, lead, 1).get("flags").get("lifecycleStage").asText())
                .isEqualTo("lead");

        readAtVersion(organization, organic, 0);
        assertThat(api.get("/api/v1/customers/" + organic, organization.apiKey()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/contacts/" + organic, organization.apiKey()).status()).isEqualTo(404);
        TestOrganization other = api.createOrganization("Other Extensions GmbH");
        assertThat(created(other, "first@ext.example", "checkout")).isNotNull();
        assertThat(api.get("/api/v1/customers/" + first, other.apiKey()).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT last_number FROM commerce.customer_number_counter "
                + "WHERE organization_id = ?", Long.class, other.id())).as("numbers count per organization")
                .isEqualTo(1);
    }

    @Test
    void concurrentCheckoutsGetDistinctCustomerNumbers() throws Exception {
        TestOrganization organization = api.createOrganization("Checkout Rush GmbH");
        int checkouts = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(checkouts);
        List<Future<UUID>> persons = new ArrayList<>();
        try {
            for (int i = 0; i < checkouts; i++) {
                String email = "shopper" + i + "@rush.example";
                persons.add(clients.submit(() -> {
                    start.await();
                    return created(organization, email, "checkout");
                }));
            }
            start.countDown();
            for (Future<UUID> person : persons) {
                person.get();
            }
        } finally {
            clients.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM commerce.customer WHERE organization_id = ?", Long.class,
                organization.id()) == checkouts);
        assertThat(jdbc.queryForList("SELECT customer_number FROM commerce.customer WHERE organization_id = ? "
                + "ORDER BY customer_number", String.class, organization.id()))
                .isEqualTo(IntStream.rangeClosed(1, checkouts).mapToObj("C%06d"::formatted).toList());
    }

    private UUID created(TestOrganization organization, String email, String source) {
        Response created = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", email,
                "firstName", "F", "lastName", "L", "source", source));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private JsonNode readAtVersion(TestOrganization organization, UUID person, long version) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/persons/" + person, organization.apiKey()).body(),
                body -> body.path("version").asLong(-1) >= version);
    }
}
