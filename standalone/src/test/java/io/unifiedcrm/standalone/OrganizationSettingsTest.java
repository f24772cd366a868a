package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An organization's name and settings, changed by the platform admin or the organization's own admin key. */
class OrganizationSettingsTest extends StandaloneTest {

    @Test
    void theOrganizationRenamesItselfAndKeepsSettings() {
        TestOrganization organization = api.createOrganization("Settings GmbH");
        Response changed = api.patch("/api/v1/organizations/" + organization.id(), organization.apiKey(),
                Map.of("name", "Settings Holding GmbH", "settings",
                        Map.of("timezone", "Europe/Berlin", "fiscalYearStart", Map.of("month", 4))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("version").asLong()).isEqualTo(3);

        JsonNode read = await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/organizations/" + organization.id(), organization.apiKey()).body(),
                body -> body.path("version").asLong() == 3);
        assertThat(read.get("name").asText()).isEqualTo("Settings Holding GmbH");
        assertThat(read.get("baseCurrency").asText()).isEqualTo("EUR");
        assertThat(read.get("settings").get("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(read.get("settings").get("fiscalYearStart").get("month").asInt()).isEqualTo(4);

        assertThat(api.patch("/api/v1/organizations/" + organization.id(), api.adminKey(),
                Map.of("name", "Renamed By Operator")).status()).isEqualTo(200);
    }

    @Test
    void theBaseCurrencyCannotBeChangedAndAReadOnlyKeyCannotChangeAnything() {
        TestOrganization organization = api.createOrganization("Currency Ltd");
        Response currency = api.patch("/api/v1/organizations/" + organization.id(), organization.apiKey(),
                Map.of("baseCurrency", "USD"));
        assertThat(currency.status()).isEqualTo(400);
        assertThat(currency.body().get("code").asText()).isEqualTo("unknown_property");

        String readOnly = api.post("/api/v1/organizations/" + organization.id() + "/api-keys", organization.apiKey(),
                Map.of("access", "read_only")).body().get("apiKey").asText();
        assertThat(api.patch("/api/v1/organizations/" + organization.id(), readOnly, Map.of("name", "X")).status())
                .isEqualTo(403);
    }
}
