package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organization check before an aggregate's lock costs a creation nothing: the new aggregate has no owner to look
 * up, and its owner is remembered from its creation for the commands that follow.
 */
class AggregateOwnersTest extends StandaloneTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void aCreationAndTheChangesAfterItLookUpNoOwner() {
        TestOrganization organization = api.createOrganization("Owners");
        double before = lookups();

        UUID person = api.createPerson(organization, "ada@owners.example", "Ada", "Lovelace");
        Response renamed = api.patch("/api/v1/persons/" + person, organization.apiKey(), Map.of("firstName", "Augusta"));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(lookups() - before).isZero();
        assertThat(jdbc.queryForObject("SELECT organization_id FROM system.aggregate_owner WHERE aggregate_id = ?",
                UUID.class, person)).isEqualTo(organization.id());
    }

    private double lookups() {
        return meters.counter("unifiedcrm.aggregate.owner.lookups").count();
    }
}
