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

    /** Issue 17, finding 9: teams and pipelines are configuration, bounded per organization. */
    @Test
    void anOrganizationHasAtMostAThousandTeamsAndAHundredPipelines() {
        TestOrganization organization = api.createOrganization("Many Teams GmbH");
        // the teams before the bound, as the creations would have left them (a thousand requests take too long)
        jdbc.update("""
                INSERT INTO identity.team_lookup (team_id, organization_id)
                SELECT gen_random_uuid(), ? FROM generate_series(1, 1000)""", organization.id());
        jdbc.update("""
                INSERT INTO crm.pipeline_lookup (pipeline_id, organization_id)
                SELECT gen_random_uuid(), ? FROM generate_series(1, 99)""", organization.id());
        long events = jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);

        Response team = api.post("/api/v1/teams", organization.apiKey(), Map.of("name", "One too many"));
        Response pipeline = api.post("/api/v1/pipelines", organization.apiKey(), Map.of("name", "One too many",
                "stages", java.util.List.of(Map.of("name", "Open", "probability", 10, "forecastCategory",
                        "pipeline"))));

        assertThat(team.status()).as(team.toString()).isEqualTo(409);
        assertThat(team.body().get("code").asText()).isEqualTo("team_limit_reached");
        assertThat(pipeline.status()).as(pipeline.toString()).isEqualTo(409);
        assertThat(pipeline.body().get("code").asText()).isEqualTo("pipeline_limit_reached");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class))
                .as("nothing written").isEqualTo(events);
    }
}
