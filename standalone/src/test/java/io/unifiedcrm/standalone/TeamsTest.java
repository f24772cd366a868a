package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Teams of an organization's people: create, add and remove members, list and read. */
class TeamsTest extends StandaloneTest {

    @Test
    void aTeamGainsAndLosesMembersAndIsListed() {
        TestOrganization organization = api.createOrganization("Teams GmbH");
        UUID ada = api.createPerson(organization, "ada@teams.example", "Ada", "Lovelace");
        UUID grace = api.createPerson(organization, "grace@teams.example", "Grace", "Hopper");
        Response created = api.post("/api/v1/teams", organization.apiKey(), Map.of("name", "Enterprise sales"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String team = created.body().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/v1/teams/" + team);

        for (UUID person : new UUID[] {ada, grace}) {
            assertThat(api.post("/api/v1/teams/" + team + "/members", organization.apiKey(),
                    Map.of("personId", person.toString())).status()).isEqualTo(200);
        }
        Response removed = api.send("DELETE", "/api/v1/teams/" + team + "/members/" + ada, organization.apiKey(),
                null, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("version").asLong()).isEqualTo(3);

        JsonNode read = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/teams/" + team, organization.apiKey()),
                response -> response.status() == 200 && response.body().get("version").asLong() == 3).body();
        assertThat(read.get("name").asText()).isEqualTo("Enterprise sales");
        assertThat(read.get("memberIds")).extracting(JsonNode::asText).containsExactly(grace.toString());
        JsonNode list = api.get("/api/v1/teams", organization.apiKey()).body();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void onlyPersonsOfTheOrganizationCanJoin() {
        TestOrganization organization = api.createOrganization("Teams AG");
        TestOrganization other = api.createOrganization("Other Teams AG");
        UUID outsider = api.createPerson(other, "eve@other-teams.example", "Eve", "Outsider");
        String team = api.post("/api/v1/teams", organization.apiKey(), Map.of("name", "Support")).body()
                .get("id").asText();
        Response refused = api.post("/api/v1/teams/" + team + "/members", organization.apiKey(),
                Map.of("personId", outsider.toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("unknown_person");
    }
}
