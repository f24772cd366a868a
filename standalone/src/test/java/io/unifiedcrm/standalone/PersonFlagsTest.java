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

/** The computed flags of a person from identity events: lifecycle stage at creation, explicit stage, vendor. */
class PersonFlagsTest extends StandaloneTest {

    @Test
    void aVisitorByDefaultALeadFromALeadFormAndAnExplicitStageOverridesTheRulebook() {
        TestOrganization organization = api.createOrganization("Flags GmbH");
        UUID visitor = api.createPerson(organization, "visitor@flags.example", "Vera", "Visitor");
        Response lead = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "lead@flags.example",
                "firstName", "Lea", "lastName", "Lead", "source", "lead_form"));
        UUID leadId = UUID.fromString(lead.body().get("id").asText());

        JsonNode visitorFlags = flagsOf(organization, visitor, 0);
        assertThat(visitorFlags.get("lifecycleStage").asText()).isEqualTo("visitor");
        assertThat(visitorFlags.get("isLead").asBoolean()).isFalse();
        assertThat(visitorFlags.get("customerValue").asText()).as("a decimal string").isEqualTo("0.0000");
        assertThat(visitorFlags.get("rulebookVersion").asText()).isEqualTo("4");
        JsonNode leadFlags = flagsOf(organization, leadId, 1);
        assertThat(leadFlags.get("lifecycleStage").asText()).isEqualTo("lead");
        assertThat(leadFlags.get("isLead").asBoolean()).isTrue();

        Response patched = api.patch("/api/v1/persons/" + visitor, organization.apiKey(),
                Map.of("lifecycleStage", "customer", "vendor", true));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode changed = flagsOf(organization, visitor, 2);
        assertThat(changed.get("lifecycleStage").asText()).isEqualTo("customer");
        assertThat(changed.get("lifecycleStageExplicit").asBoolean()).isTrue();
        assertThat(changed.get("isCustomer").asBoolean()).isTrue();
        assertThat(changed.get("isLead").asBoolean()).isFalse();
        assertThat(changed.get("isVendor").asBoolean()).isTrue();
    }

    @Test
    void anUnknownStageIsA422AndChangesNothing() {
        TestOrganization organization = api.createOrganization("Flags AG");
        UUID person = api.createPerson(organization, "ada@flags-ag.example", "Ada", "Lovelace");
        Response refused = api.patch("/api/v1/persons/" + person, organization.apiKey(),
                Map.of("firstName", "Augusta", "lifecycleStage", "champion"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asText()).isEqualTo("unknown_lifecycle_stage");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, person.toString())).isEqualTo(1);
    }

    @Test
    void emailAndPhoneAreVerified() {
        TestOrganization organization = api.createOrganization("Verified GmbH");
        UUID person = UUID.fromString(api.post("/api/v1/persons", organization.apiKey(), Map.of("email",
                "ada@verified.example", "firstName", "Ada", "lastName", "L", "phone", "+4930123456"))
                .body().get("id").asText());
        UUID phoneless = api.createPerson(organization, "grace@verified.example", "Grace", "H");
        assertThat(api.post("/api/v1/persons/" + person + "/email-verification", organization.apiKey(), null)
                .status()).isEqualTo(200);
        Response phone = api.post("/api/v1/persons/" + person + "/phone-verification", organization.apiKey(), null);
        assertThat(phone.body().get("version").asLong()).isEqualTo(2);
        assertThat(api.post("/api/v1/persons/" + phoneless + "/phone-verification", organization.apiKey(), null)
                .body().get("code").asText()).isEqualTo("no_phone");

        JsonNode read = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/persons/" + person, organization.apiKey()).body(),
                body -> body.path("version").asLong(-1) == 2);
        assertThat(read.get("emailVerified").asBoolean()).isTrue();
        assertThat(read.get("phoneVerified").asBoolean()).isTrue();
    }

    private JsonNode flagsOf(TestOrganization organization, UUID person, long version) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/persons/" + person, organization.apiKey()).body(),
                body -> body.path("version").asLong(-1) == version).get("flags");
    }
}
