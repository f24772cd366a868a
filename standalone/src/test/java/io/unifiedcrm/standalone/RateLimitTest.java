package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.unifiedcrm.standalone.Api.Response;
import io.unifiedcrm.standalone.Api.TestOrganization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each organization has its own token bucket: a flood from one is refused with 429, another carries on. */
class RateLimitTest extends StandaloneTest {

    @Test
    void aFloodingOrganizationIsLimitedWhileAnotherIsNot() throws Exception {
        TestOrganization flooding = api.createOrganization("Flood Inc");
        TestOrganization quiet = api.createOrganization("Quiet Inc");
        String path = "/api/v1/persons?limit=1";

        Response normal = api.get(path, quiet.apiKey());
        assertThat(normal.header("RateLimit-Limit")).isEqualTo("100");
        assertThat(Long.parseLong(normal.header("RateLimit-Remaining"))).isBetween(0L, 99L);
        assertThat(normal.header("RateLimit-Reset")).isNotNull();

        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Response>> flood = new ArrayList<>();
        List<Response> quietDuringFlood = new ArrayList<>();
        try {
            for (int i = 0; i < 600; i++) {
                flood.add(clients.submit(() -> api.get(path, flooding.apiKey())));
            }
            for (int i = 0; i < 20; i++) {
                quietDuringFlood.add(api.get(path, quiet.apiKey()));
            }
            List<Response> floodAnswers = new ArrayList<>();
            for (Future<Response> answer : flood) {
                floodAnswers.add(answer.get());
            }
            List<Response> limited = floodAnswers.stream().filter(answer -> answer.status() == 429).toList();
            assertThat(limited).isNotEmpty();
            assertThat(floodAnswers).allMatch(answer -> answer.status() == 200 || answer.status() == 429);
            Response refused = limited.get(0);
            assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(refused.body().get("code").asText()).isEqualTo("rate_limited");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
            assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        } finally {
            clients.shutdownNow();
        }
        assertThat(quietDuringFlood).allMatch(answer -> answer.status() == 200);
    }
}
