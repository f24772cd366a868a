package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, finding 2: a command refused by a uniqueness rule that a lookup table decides (written with the event)
 * takes no global index of the event table. Before, Axon appended the events first and the claim failed after, so
 * each refusal left a permanent gap that every processor had to track.
 */
class RejectedCommandsLeaveNoGapsTest extends StandaloneTest {

    private static final int ORGANIZATIONS = 12;
    private static final int REFUSALS_PER_KIND = 40;
    private static final Map<String, Object> PLAN_SCHEMA = Map.of("type", "object", "properties",
            Map.of("code", Map.of("type", "string")));

    @Test
    void aThousandRefusedUniqueValuesLeaveNoGapsAndTheProjectionsFollowTheNextWrite() {
        long gapsBefore = gaps();
        int refused = 0;
        // one organization's requests stay within its rate limit; the refusals add up over several
        for (int o = 0; o < ORGANIZATIONS; o++) {
            TestOrganization organization = api.createOrganization("Gapless " + o);
            created(api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name", "plan",
                    "pluralName", "plans", "schema", PLAN_SCHEMA, "displayProperty", "code",
                    "uniqueProperty", "code", "features", java.util.List.of("duplicate_detection"))));
            created(api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "plan",
                    "properties", Map.of("code", "gold"))));
            created(api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "mug-1", "name", "Mug",
                    "price", Map.of("amount", "1", "currency", "EUR"))));
            for (int i = 0; i < REFUSALS_PER_KIND; i++) {
                refused += refusal(api.post("/api/v1/object-definitions", organization.apiKey(), Map.of("name",
                        "plan", "pluralName", "plans", "schema", PLAN_SCHEMA, "displayProperty", "code")),
                        "object_type_taken");
                refused += refusal(api.post("/api/v1/records", organization.apiKey(), Map.of("objectType", "plan",
                        "properties", Map.of("code", " GOLD "))), "unique_value_taken");
            }
            // a taken SKU (or e-mail) is refused by the controller's pre-check without a command; a race past it
            // meets the same claim before the append
            refused += refusal(api.post("/api/v1/products", organization.apiKey(), Map.of("sku", "MUG-1",
                    "name", "Mug again", "price", Map.of("amount", "1", "currency", "EUR"))), "sku_taken");
        }
        assertThat(refused).isGreaterThanOrEqualTo(ORGANIZATIONS * (2 * REFUSALS_PER_KIND + 1));

        assertThat(gaps() - gapsBefore).as("global indexes taken by %d refused commands", refused)
                .isLessThanOrEqualTo(2);
        TestOrganization last = api.createOrganization("Gapless after");
        Response person = api.post("/api/v1/persons", last.apiKey(), Map.of("email", "after@gapless.example",
                "firstName", "Ada", "lastName", "After"));
        created(person);
        String id = person.body().get("id").asText();
        // the read models follow at once (a second, with room for a loaded build machine)
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> api.get(
                "/api/v1/persons/" + id, last.apiKey()).status() == 200);
    }

    @Test
    void gapsThatPileUpShowInTheHealthAndTheGaugeAndClearWhenTheirEventsArrive() {
        TestOrganization organization = api.createOrganization("Gappy");
        // 1,000 global indexes taken and not (yet) committed, below a stored event: a writer's open transactions
        List<Long> gaps = jdbc.queryForList("SELECT nextval(pg_get_serial_sequence('axon.domain_event_entry', "
                + "'global_index')) FROM generate_series(1, 1000)", Long.class);
        Response person = api.post("/api/v1/persons", organization.apiKey(), Map.of("email", "gappy@gaps.example",
                "firstName", "Gap", "lastName", "Py"));
        created(person);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response health = api.get("/actuator/health", api.adminKey());
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().at("/components/eventProcessors/details/identity").asText()).isEqualTo("GAPS");
        });
        var gauge = java.util.regex.Pattern.compile("unifiedcrm_processor_gaps\\{[^}]*processor=\"identity\"[^}]*} ([0-9.]+)")
                .matcher(api.send("GET", "/actuator/prometheus", api.adminKey(), null, null).raw().body());
        assertThat(gauge.find()).isTrue();
        assertThat(Double.parseDouble(gauge.group(1))).isGreaterThanOrEqualTo(1000);

        // the writer commits: one event per taken index, of persons of this organization
        for (Long index : gaps) {
            String personId = java.util.UUID.randomUUID().toString();
            jdbc.update("""
                    INSERT INTO axon.domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                        event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT ?, ?, 0, 'Person', ?, meta_data, convert_to(?, 'UTF8'), payload_revision, payload_type,
                        time_stamp FROM axon.domain_event_entry WHERE aggregate_identifier = ?""",
                    index, personId, java.util.UUID.randomUUID().toString(), ("{\"personId\":\"" + personId
                            + "\",\"organizationId\":\"" + organization.id() + "\",\"email\":\"late-" + index
                            + "@gaps.example\",\"firstName\":\"Late\",\"lastName\":\"Writer\",\"phone\":null,"
                            + "\"source\":\"import\"}"), person.body().get("id").asText());
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.get("/actuator/health", api.adminKey())
                .body().path("status").asText()).isEqualTo("UP"));
    }

    private static void created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static int refusal(Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.body().get("code").asText()).isEqualTo(code);
        return 1;
    }

    /** Global indexes the event table's sequence handed out that no stored event holds. */
    private long gaps() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) - count(*) FROM axon.domain_event_entry",
                Long.class);
    }
}
