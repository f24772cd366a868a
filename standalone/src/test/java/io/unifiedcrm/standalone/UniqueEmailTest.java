package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One person per e-mail address (any case) per organization, also under concurrent creation. */
class UniqueEmailTest extends StandaloneTest {

    private TestOrganization organization;

    @BeforeEach
    void anOrganization() {
        organization = api.createOrganization("Unique Emails GmbH");
    }

    @Test
    void aDuplicateInAnotherCaseIsA409NamingTheExistingPersonAndStoresNothing() {
        UUID ada = api.createPerson(organization, "Ada@Unique.example", "Ada", "Lovelace");
        long events = eventCount();
        Response duplicate = api.post("/api/v1/persons", organization.apiKey(),
                Map.of("email", "ada@UNIQUE.example", "firstName", "Eve", "lastName", "Impostor"));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertThat(duplicate.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(duplicate.body().get("code").asText()).isEqualTo("email_taken");
        assertThat(duplicate.body().get("existingId").asText()).isEqualTo(ada.toString());
        assertThat(duplicate.body().get("errors").get(0).get("field").asText()).isEqualTo("email");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anotherOrganizationMayHaveAPersonWithTheSameAddress() {
        api.createPerson(organization, "grace@shared.example", "Grace", "Hopper");
        TestOrganization other = api.createOrganization("Other Unique Emails GmbH");
        assertThat(api.post("/api/v1/persons", other.apiKey(),
                Map.of("email", "grace@shared.example", "firstName", "Grace", "lastName", "H")).status())
                .isEqualTo(201);
    }

    @Test
    void twentyConcurrentCreationsWithOneAddressMakeExactlyOnePerson() throws Exception {
        int requests = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                String firstName = "Racer" + i;
                answers.add(clients.submit(() -> {
                    start.await();
                    return api.post("/api/v1/persons", organization.apiKey(),
                            Map.of("email", "race@unique.example", "firstName", firstName, "lastName", "R"));
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.status()).as(response.toString()).isIn(201, 409);
                created += response.status() == 201 ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
        assertThat(personsCreatedIn(organization.id())).isEqualTo(1);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry", Long.class);
    }
}
