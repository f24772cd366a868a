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

/** GET /persons filters: lifecycle stage, isLead, isCustomer, source and a name or e-mail prefix. */
class PersonListFiltersTest extends StandaloneTest {

    private TestOrganization organization;
    private UUID ada;
    private UUID lea;
    private UUID carl;

    @BeforeEach
    void threePersons() {
        organization = api.createOrganization("Filters GmbH");
        ada = api.createPerson(organization, "ada@filters.example", "Ada", "Lovelace");
        lea = UUID.fromString(api.post("/api/v1/persons", organization.apiKey(), Map.of("email",
                "lea@filters.example", "firstName", "Lea", "lastName", "Lead", "source", "lead_form"))
                .body().get("id").asText());
        carl = api.createPerson(organization, "carl_100%@filters.example", "Carl", "Customer");
        api.patch("/api/v1/persons/" + carl, organization.apiKey(), Map.of("lifecycleStage", "customer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ids("isCustomer=true").size() == 1);
    }

    @Test
    void filtersCombineAndMatchTheComputedFlags() {
        assertThat(ids("lifecycleStage=lead")).containsExactly(lea.toString());
        assertThat(ids("isLead=true")).containsExactly(lea.toString());
        assertThat(ids("isCustomer=true")).containsExactly(carl.toString());
        assertThat(ids("lifecycleStage=visitor")).containsExactly(ada.toString());
        assertThat(ids("source=lead_form")).containsExactly(lea.toString());
        assertThat(ids("isLead=false&isCustomer=false")).containsExactly(ada.toString());
    }

    @Test
    void qMatchesAPrefixOfANameOrTheEmailInAnyCase() {
        assertThat(ids("q=LOVE")).containsExactly(ada.toString());
        assertThat(ids("q=le")).containsExactlyInAnyOrder(lea.toString());
        assertThat(ids("q=carl_100")).containsExactly(carl.toString());
        assertThat(ids("q=%25")).as("% is a character, not a wildcard").isEmpty();
        assertThat(ids("q=velace")).as("a prefix, not a substring").isEmpty();
    }

    @Test
    void anUnknownStageOrSourceIsA400() {
        Response stage = api.get("/api/v1/persons?lifecycleStage=champion", organization.apiKey());
        assertThat(stage.status()).isEqualTo(400);
        assertThat(stage.body().get("code").asText()).isEqualTo("invalid_filter");
        assertThat(api.get("/api/v1/persons?source=carrier_pigeon", organization.apiKey()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/persons?isLead=maybe", organization.apiKey()).status()).isEqualTo(400);
    }

    private List<String> ids(String filter) {
        JsonNode items = api.get("/api/v1/persons?" + filter, organization.apiKey()).body().get("items");
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
