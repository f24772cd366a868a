package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Unified addresses of a person over HTTP: add, change, default per type, remove, validation, tenancy. */
class AddressesTest extends StandaloneTest {

    @Test
    void theFirstAddressOfATypeIsItsDefaultUntilAnotherIsMadeDefault() {
        TestOrganization organization = api.createOrganization("Addresses GmbH");
        UUID person = api.createPerson(organization, "ada@addresses.example", "Ada", "Lovelace");
        UUID home = add(organization, person, "shipping", "de", Map.of("label", "Home", "latitude", 52.52,
                "longitude", 13.405));
        UUID office = add(organization, person, "shipping", "DE", Map.of());
        UUID billing = add(organization, person, "billing", "GB", Map.of("isDefault", true));

        JsonNode addresses = addressesOf(organization, person, 3);
        assertThat(defaultsOf(addresses)).containsExactlyInAnyOrder(home.toString(), billing.toString());
        JsonNode first = find(addresses, home);
        assertThat(first.get("countryCode").asText()).isEqualTo("DE");
        assertThat(first.get("country").asText()).as("named from the code").isEqualTo("Germany");
        assertThat(first.get("lines").get(0).asText()).isEqualTo("12 Analytical Row");
        assertThat(first.get("latitude").decimalValue()).isEqualByComparingTo("52.52");

        assertThat(api.post("/api/v1/addresses/" + office + "/default", organization.apiKey(), null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                defaultsOf(addressesOf(organization, person, 3))).containsExactlyInAnyOrder(office.toString(),
                billing.toString()));

        Response changed = api.send("PUT", "/api/v1/addresses/" + home, organization.apiKey(), "application/json",
                Map.of("type", "home", "lines", List.of("1 New Street"), "city", "Hamburg", "countryCode", "DE"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/v1/addresses/" + billing, organization.apiKey(), null, null).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode now = api.get("/api/v1/persons/" + person, organization.apiKey()).body().get("addresses");
            assertThat(now.size()).isEqualTo(2);
            assertThat(find(now, home).get("city").asText()).isEqualTo("Hamburg");
            assertThat(find(now, home).get("type").asText()).isEqualTo("home");
            assertThat(find(now, home).get("isDefault").asBoolean()).as("the only home address").isTrue();
        });
        assertThat(api.send("DELETE", "/api/v1/addresses/" + billing, organization.apiKey(), null, null).status())
                .as("a removed address is gone").isEqualTo(404);
    }

    @Test
    void invalidAddressesAndUnknownOwnersAre422AndStoreNothing() {
        TestOrganization organization = api.createOrganization("Invalid Addresses GmbH");
        UUID person = api.createPerson(organization, "ada@invalid-addresses.example", "Ada", "Lovelace");
        Map<String, String> refusals = Map.of(
                "countryCode=XX", "unknown_country", "type=office", "unknown_address_type",
                "lines=", "invalid_address", "city=", "invalid_address", "entityType=planet", "unknown_entity_type",
                "entityType=company", "unknown_owner", "entityId=" + UUID.randomUUID(), "unknown_owner",
                "latitude=91", "invalid_address");
        refusals.forEach((change, code) -> {
            Map<String, Object> body = body(person, "billing", "DE");
            String[] parts = change.split("=", 2);
            body.put(parts[0], parts[0].equals("lines") ? List.of() : parts[0].equals("latitude")
                    ? (Object) Double.valueOf(parts[1]) : parts[1]);
            if (parts[0].equals("latitude")) {
                body.put("longitude", 0);
            }
            Response refused = api.post("/api/v1/addresses", organization.apiKey(), body);
            assertThat(refused.status()).as(change + " " + refused).isEqualTo(422);
            assertThat(refused.body().get("code").asText()).as(change).isEqualTo(code);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE "
                + "convert_from(payload, 'UTF8')::jsonb ->> 'entityId' = ?", Long.class, person.toString()))
                .isZero();
        assertThat(api.get("/api/v1/addresses?entityType=planet&entityId=" + person, organization.apiKey())
                .status()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationSeesNoneOfThePersonsAddresses() {
        TestOrganization organization = api.createOrganization("Private Addresses GmbH");
        TestOrganization other = api.createOrganization("Curious GmbH");
        UUID person = api.createPerson(organization, "ada@private-addresses.example", "Ada", "Lovelace");
        UUID address = add(organization, person, "home", "FR", Map.of());
        addressesOf(organization, person, 1);
        assertThat(api.get("/api/v1/addresses?entityType=person&entityId=" + person, other.apiKey()).body()
                .get("items").size()).isZero();
        assertThat(api.get("/api/v1/addresses/" + address, other.apiKey()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/addresses", other.apiKey(), body(person, "home", "FR")).body().get("code")
                .asText()).isEqualTo("unknown_owner");
    }

    /** Issue 17, finding 9: the list is keyset-paged with the standard limits. */
    @Test
    void anOwnersAddressesArePagedInTypeAndCreationOrder() {
        TestOrganization organization = api.createOrganization("Paged Addresses GmbH");
        UUID person = api.createPerson(organization, "ada@paged-addresses.example", "Ada", "Lovelace");
        UUID work = add(organization, person, "shipping", "DE", Map.of());
        UUID home = add(organization, person, "home", "DE", Map.of());
        UUID secondHome = add(organization, person, "home", "FR", Map.of());
        addressesOf(organization, person, 3);
        String list = "/api/v1/addresses?entityType=person&entityId=" + person + "&limit=2";

        Response first = api.get(list, organization.apiKey());
        Response second = api.get(list + "&cursor=" + first.body().get("nextCursor").asText(), organization.apiKey());

        assertThat(first.body().get("items")).extracting(item -> item.get("id").asText())
                .containsExactly(home.toString(), secondHome.toString());
        assertThat(second.body().get("items")).extracting(item -> item.get("id").asText())
                .containsExactly(work.toString());
        assertThat(second.body().get("nextCursor").isNull()).isTrue();
        assertThat(api.get(list.replace("limit=2", "limit=201"), organization.apiKey()).status()).isEqualTo(400);
        assertThat(api.get(list + "&cursor=not-a-cursor", organization.apiKey()).body().get("code").asText())
                .isEqualTo("invalid_cursor");
    }

    private UUID add(TestOrganization organization, UUID person, String type, String country,
                     Map<String, Object> extra) {
        Map<String, Object> body = body(person, type, country);
        body.putAll(extra);
        Response created = api.post("/api/v1/addresses", organization.apiKey(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asText());
    }

    private static Map<String, Object> body(UUID person, String type, String country) {
        return new HashMap<>(Map.of("entityType", "person", "entityId", person.toString(), "type", type,
                "lines", List.of("12 Analytical Row", "Flat 3"), "city", "Berlin", "countryCode", country));
    }

    private JsonNode addressesOf(TestOrganization organization, UUID person, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/v1/addresses?entityType=person&entityId=" + person, organization.apiKey())
                        .body().get("items"),
                items -> items.size() == count);
    }

    private static List<String> defaultsOf(JsonNode addresses) {
        List<String> defaults = new java.util.ArrayList<>();
        addresses.forEach(address -> {
            if (address.get("isDefault").asBoolean()) {
                defaults.add(address.get("id").asText());
            }
        });
        return defaults;
    }

    private static JsonNode find(JsonNode addresses, UUID id) {
        for (JsonNode address : addresses) {
            if (address.get("id").asText().equals(id.toString())) {
                return address;
            }
        }
        throw new AssertionError("no address " + id + " in " + addresses);
    }
}
