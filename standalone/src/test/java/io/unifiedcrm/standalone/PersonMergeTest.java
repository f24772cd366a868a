package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Merge and unmerge over HTTP: survivorship, tombstone, flags from both histories, addresses, exact undo. */
class PersonMergeTest extends StandaloneTest {

    @Test
    void mergeThenUnmergeReturnsBothPersonsReadModelsToTheirRowsBeforeTheMerge() {
        TestOrganization organization = api.createOrganization("Merge GmbH");
        UUID ada = api.createPerson(organization, "ada@merge.example", "Ada", "Lovelace");
        api.post("/api/v1/persons/" + ada + "/email-verification", organization.apiKey(), null);
        Response bobCreated = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "bob@merge.example",
                "firstName", "Bob", "lastName", "Byron", "middleName", "George", "phone", "+4930123456",
                "source", "lead_form"));
        UUID bob = UUID.fromString(bobCreated.body().get("id").asText());
        api.post("/api/v1/persons/" + bob + "/account-registration", organization.apiKey(), null);
        Response address = api.post("/api/v1/addresses", organization.apiKey(), Map.of("entityType", "person",
                "entityId", bob.toString(), "type", "shipping", "lines", List.of("1 Byron Road"), "city", "London",
                "countryCode", "GB"));
        assertThat(address.status()).as(address.toString()).isEqualTo(201);
        readAtVersion(organization, ada, 1);
        readAtVersion(organization, bob, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> addressRows(bob).size() == 1);
        List<Map<String, Object>> rowsBefore = personRows(ada, bob);

        Response dryRun = api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString(), "dryRun", true));
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(personRows(ada, bob)).as("a dry run writes nothing").isEqualTo(rowsBefore);
        assertThat(eventCount(ada)).isEqualTo(2);

        Response merged = api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString()));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.body().get("profile")).as("the dry run showed exactly this").isEqualTo(
                dryRun.body().get("profile"));
        assertThat(merged.body().get("filledFromSource")).isEqualTo(dryRun.body().get("filledFromSource"));

        JsonNode survivor = readAtVersion(organization, ada, merged.body().get("version").asLong());
        assertThat(survivor.get("firstName").asText()).as("the survivor's values win").isEqualTo("Ada");
        assertThat(survivor.get("middleName").asText()).as("the source fills blanks").isEqualTo("George");
        assertThat(survivor.get("phone").asText()).isEqualTo("+4930123456");
        assertThat(survivor.get("secondaryEmails").get(0).asText()).isEqualTo("bob@merge.example");
        JsonNode profile = merged.body().get("profile");
        for (String field : List.of("email", "secondaryEmails", "phone", "firstName", "lastName", "middleName",
                "displayName", "avatarUrl", "sourceDetails", "emailVerified", "phoneVerified")) {
            assertThat(survivor.get(field)).as("read model " + field + " = dry run").isEqualTo(profile.get(field));
        }
        JsonNode flags = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/persons/" + ada, organization.apiKey()).body().get("flags"),
                f -> f.get("hasAccount").asBoolean());
        assertThat(flags.get("lifecycleStage").asText()).as("from Bob's lead form").isEqualTo("lead");
        assertThat(flags.get("leadScore").asInt()).as("10 for Ada's e-mail + 10 for Bob's account").isEqualTo(20);
        assertThat(survivor.get("addresses").get(0).get("city").asText()).as("Bob's address").isEqualTo("London");
        assertThat(await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/contacts/" + ada, organization.apiKey()), r -> r.status() == 200).body()
                .get("personId").asText()).as("Bob's CRM contact shows on the survivor").isEqualTo(bob.toString());

        JsonNode tombstone = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/persons/" + bob, organization.apiKey()),
                r -> r.status() == 200 && !r.body().get("mergedIntoId").isNull()).body();
        assertThat(tombstone.get("mergedIntoId").asText()).isEqualTo(ada.toString());
        assertThat(api.get("/api/v1/persons?q=bob", organization.apiKey()).body().get("items").size())
                .as("lists leave merged persons out").isZero();
        Response refused = api.patch("/api/v1/persons/" + bob, organization.apiKey(), Map.of("firstName", "Robert"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asText()).isEqualTo("person_merged");
        assertThat(refused.body().get("existingId").asText()).isEqualTo(ada.toString());
        Response duplicate = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "Bob@Merge.example",
                "firstName", "B", "lastName", "B"));
        assertThat(duplicate.body().get("existingId").asText()).as("the survivor holds Bob's address")
                .isEqualTo(ada.toString());

        Response unmerged = api.post("/api/v1/persons/" + ada + "/unmerge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString()));
        assertThat(unmerged.status()).as(unmerged.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(personRows(ada, bob)).as("both rows as before the merge").isEqualTo(rowsBefore));
        assertThat(api.get("/api/v1/persons/" + ada, organization.apiKey()).body().get("addresses").size()).isZero();
        assertThat(api.get("/api/v1/contacts/" + ada, organization.apiKey()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "bob@merge.example",
                "firstName", "B", "lastName", "B")).body().get("existingId").asText()).isEqualTo(bob.toString());
        assertThat(api.patch("/api/v1/persons/" + bob, organization.apiKey(), Map.of("firstName", "Robert"))
                .status()).as("Bob takes commands again").isEqualTo(200);
    }

    @Test
    void whatChangedOnTheSurvivorAfterTheMergeStaysWithTheSurvivor() {
        TestOrganization organization = api.createOrganization("Merge After GmbH");
        UUID ada = api.createPerson(organization, "ada@after.example", "Ada", "Lovelace");
        UUID bob = UUID.fromString(api.post("/api/v1/persons", organization.apiKey(), Map.of("email",
                "bob@after.example", "firstName", "Bob", "lastName", "Byron", "middleName", "George",
                "displayName", "Lord Byron")).body().get("id").asText());
        assertThat(api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString())).status()).isEqualTo(200);
        Response changed = api.patch("/api/v1/persons/" + ada, organization.apiKey(),
                Map.of("middleName", "Augusta", "lastName", "King"));
        assertThat(changed.status()).isEqualTo(200);
        Response unmerged = api.post("/api/v1/persons/" + ada + "/unmerge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString()));
        JsonNode survivor = readAtVersion(organization, ada, unmerged.body().get("version").asLong());
        assertThat(survivor.get("middleName").asText()).as("changed after the merge").isEqualTo("Augusta");
        assertThat(survivor.get("lastName").asText()).isEqualTo("King");
        assertThat(survivor.get("displayName").isNull()).as("Bob's, unchanged since: given back").isTrue();
    }

    @Test
    void mergesAreRefusedForItselfForeignOrMergedPersonsAndUnmergeOnlyUndoesAMerge() {
        TestOrganization organization = api.createOrganization("Merge Rules GmbH");
        TestOrganization other = api.createOrganization("Merge Rules Other GmbH");
        UUID ada = api.createPerson(organization, "ada@rules.example", "Ada", "Lovelace");
        UUID bob = api.createPerson(organization, "bob@rules.example", "Bob", "Byron");
        UUID foreign = api.createPerson(other, "eve@rules.example", "Eve", "Other");
        assertThat(code(api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", ada.toString())))).isEqualTo("merge_with_itself");
        assertThat(code(api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", foreign.toString())))).isEqualTo("unknown_person");
        assertThat(code(api.post("/api/v1/persons/" + ada + "/unmerge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString())))).isEqualTo("not_merged");
        assertThat(api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString())).status()).isEqualTo(200);
        assertThat(code(api.post("/api/v1/persons/" + bob + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", ada.toString())))).isEqualTo("person_merged");
        assertThat(code(api.post("/api/v1/persons/" + ada + "/merge", organization.apiKey(),
                Map.of("sourcePersonId", bob.toString())))).isEqualTo("person_merged");
        assertThat(eventCount(foreign)).isEqualTo(1);
    }

    private static String code(Response response) {
        return response.body().path("code").asText(response.toString());
    }

    private long eventCount(UUID aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregate.toString());
    }

    /** Both persons' rows without the bookkeeping every event moves (version, updated_at). */
    private List<Map<String, Object>> personRows(UUID ada, UUID bob) {
        return jdbc.queryForList("""
                SELECT to_jsonb(p) - 'version' - 'updated_at' AS row FROM identity.person p
                WHERE id IN (?, ?) ORDER BY id""", ada, bob);
    }

    private List<Map<String, Object>> addressRows(UUID owner) {
        return jdbc.queryForList("SELECT * FROM shared.address WHERE entity_id = ?", owner);
    }

    private JsonNode readAtVersion(TestOrganization organization, UUID person, long version) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/persons/" + person, organization.apiKey()).body(),
                body -> body.path("version").asLong(-1) >= version);
    }
}
