package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.unifiedcrm.standalone.Api.TestOrganization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** ETag and If-Match: stale writes are refused with 412; concurrent writes without If-Match all land. */
class OptimisticConcurrencyTest extends StandaloneTest {

    @LocalServerPort
    private int port;
    private TestOrganization organization;
    private UUID person;

    @BeforeEach
    void aPerson() {
        organization = api.createOrganization("Concurrency BV");
        person = api.createPerson(organization, "ada@concurrency.example", "Ada", "Lovelace");
    }

    @Test
    void aWriteWithTheCurrentETagAppliesAndAStaleOneIsA412() throws Exception {
        String etag = await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/persons/" + person, organization.apiKey()), r -> r.status() == 200)
                .header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        HttpResponse<String> current = patch("{\"firstName\":\"Augusta\"}", etag);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        assertThat(current.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> stale = patch("{\"firstName\":\"Ada\"}", etag);
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(stale.body()).contains("\"code\":\"version_mismatch\"");

        HttpResponse<String> future = patch("{\"firstName\":\"Ada\"}", "\"9\"");
        assertThat(future.statusCode()).isEqualTo(412);
        assertThat(eventsOf(person)).isEqualTo(2);
    }

    @Test
    void aMalformedIfMatchIsA400() throws Exception {
        HttpResponse<String> response = patch("{\"firstName\":\"Augusta\"}", "version-one");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"invalid_if_match\"");
    }

    @Test
    void concurrentWritersWithoutIfMatchAreNeverLost() throws Exception {
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(writers);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String name = "Writer" + i;
                responses.add(clients.submit(() -> {
                    start.await();
                    return patch("{\"lastName\":\"" + name + "\"}", null);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(eventsOf(person)).isEqualTo(1 + writers);
    }

    private HttpResponse<String> patch(String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/persons/" + person))
                .header("Authorization", "Bearer " + organization.apiKey())
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long eventsOf(UUID aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregate.toString());
    }
}
