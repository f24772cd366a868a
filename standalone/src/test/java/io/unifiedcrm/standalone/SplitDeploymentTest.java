package io.unifiedcrm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.unifiedcrm.standalone.Api.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The split topology as deployed: the command side and two query-side instances, each its own JVM, on one
 * PostgreSQL. The query-side instances share every projection's segments through the token store; every event
 * is projected by exactly one of them; when one stops (SIGTERM) or dies (SIGKILL) the other takes its segments over.
 */
@Tag("child-jvms")
class SplitDeploymentTest {

    private static final String ADMIN_KEY = "split-deployment-admin-key-0123456789";
    private static final List<String> GROUPS = ReplayDeterminismTest.GROUPS;
    private static final int SEGMENTS = 2;
    private static EmbeddedPostgres postgres;
    private static TokenTable tokens;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        tokens = new TokenTable(new JdbcTemplate(postgres.getPostgresDatabase()));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void twoQuerySideInstancesProjectEveryEventOnceAndTakeOverFromEachOther() {
        long began = System.nanoTime();
        List<String> arguments = List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--unifiedcrm.admin.key=" + ADMIN_KEY,
                "--unifiedcrm.rate-limit.enabled=false", "--unifiedcrm.processors.initial-segments=" + SEGMENTS);
        try (ChildJvm commandSide = ChildJvm.executableJar("command-side", "command-side", arguments);
             ChildJvm first = ChildJvm.executableJar("query-side-1", "query-side", arguments);
             ChildJvm second = ChildJvm.executableJar("query-side-2", "query-side", arguments)) {
            CompletableFuture.allOf(CompletableFuture.runAsync(commandSide::start),
                    CompletableFuture.runAsync(first::start), CompletableFuture.runAsync(second::start)).join();
            String starts = commandSide.lastStartTime().toMillis() + " / " + first.lastStartTime().toMillis() + " / "
                    + second.lastStartTime().toMillis() + " ms";
            Api commands = api(commandSide);

            // Whoever starts first claims every segment; let the other one take half of them.
            awaitOwners(List.of(first, second));
            balance(first, second);

            // Organizations on both segments (projections handle an organization's events in one segment).
            List<CustomerStories> organizations = new ArrayList<>();
            while (organizations.stream().filter(stories -> segmentOf(stories) == 0).count() < 2
                    || organizations.stream().filter(stories -> segmentOf(stories) == 1).count() < 2) {
                organizations.add(new CustomerStories(commands, "Split " + organizations.size()));
            }
            organizations.forEach(stories -> {
                for (int story = 0; story < 3; story++) {
                    stories.tell();
                }
            });
            awaitCaughtUp(first, second);

            // Every segment is processed by exactly one instance, and each instance processes some.
            for (String group : GROUPS) {
                Set<Integer> ofFirst = segmentsHeldBy(first, group);
                Set<Integer> ofSecond = segmentsHeldBy(second, group);
                assertThat(ofFirst).as(group + " segments of both").doesNotContainAnyElementsOf(ofSecond)
                        .isNotEmpty();
                assertThat(ofSecond).as(group + " segments of the second").isNotEmpty();
                assertThat(tokens.segments(List.of(group))).as(group + " owners in the token store")
                        .allSatisfy(segment -> assertThat((ofFirst.contains(segment.segment()) ? first : second)
                                .owns(segment.owner())).isTrue());
            }
            // Exactly once: every event of a type the group handles is handled by the instance holding its segment
            // and by no other, so the two instances' Axon success counters add up to the number of those events; a
            // batch applied twice would add more. (The other events are passed over in the shared reader.)
            String metricsOfFirst = prometheus(first);
            String metricsOfSecond = prometheus(second);
            for (String group : GROUPS) {
                double handled = counter(metricsOfFirst, group + "_successCounter_total")
                        + counter(metricsOfSecond, group + "_successCounter_total");
                assertThat(handled).as(group + " events handled, summed over both instances").isEqualTo(
                        (double) tokens.eventsOfTypes(HandledTypes.of(group)));
                assertThat(counter(metricsOfFirst, group + "_processedCounter_total")).as(group + " first").isPositive();
                assertThat(counter(metricsOfSecond, group + "_processedCounter_total")).as(group + " second")
                        .isPositive();
                assertThat(counter(metricsOfFirst, group + "_failureCounter_total")
                        + counter(metricsOfSecond, group + "_failureCounter_total")).as(group + " failures").isZero();
            }
            assertReadModels(organizations, first, second);

            // SIGTERM: the instance releases its segments on the way out and the other claims them at once.
            long stopping = System.nanoTime();
            first.stop();
            awaitAllOwnedBy(second);
            long gracefulHandover = (System.nanoTime() - stopping) / 1_000_000;
            organizations.forEach(CustomerStories::tell);
            awaitCaughtUp(second);
            assertReadModels(organizations, second);

            // SIGKILL: nothing is released; the other instance claims the segments once their claims time out.
            first.start();
            balance(second, first);
            long killing = System.nanoTime();
            second.kill();
            awaitAllOwnedBy(first);
            long killHandover = (System.nanoTime() - killing) / 1_000_000;
            organizations.forEach(CustomerStories::tell);
            awaitCaughtUp(first);
            assertReadModels(organizations, first);

            System.out.printf("split deployment: %d organizations, %d events; JVM starts (command side / query side "
                            + "1 / query side 2) %s, query side 1 again %d ms; segments taken over after SIGTERM in "
                            + "%d ms, after SIGKILL in %d ms; %d ms in all%n", organizations.size(), tokens.events(),
                    starts, first.lastStartTime().toMillis(), gracefulHandover, killHandover,
                    (System.nanoTime() - began) / 1_000_000);
        }
    }

    /** The segment that handles an organization's events: its id's hash, masked (Axon's {@code Segment.matches}). */
    private static int segmentOf(CustomerStories stories) {
        return stories.organization().id().hashCode() & (SEGMENTS - 1);
    }

    /** Waits until every segment of every group exists and is held by one of the instances. */
    private static void awaitOwners(List<ChildJvm> instances) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tokens.segments(GROUPS))
                .hasSize(GROUPS.size() * SEGMENTS)
                .allSatisfy(segment -> assertThat(instances).as(segment.toString())
                        .anyMatch(instance -> instance.owns(segment.owner()))));
    }

    private static void awaitAllOwnedBy(ChildJvm instance) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(tokens.segments(GROUPS)).hasSize(GROUPS.size() * SEGMENTS)
                        .allSatisfy(segment -> assertThat(instance.owns(segment.owner())).as(segment.toString())
                                .isTrue()));
    }

    /**
     * Where one instance holds both segments of a group, it releases one (the release endpoint) for the other to
     * claim; waits until each instance holds one segment of every group.
     */
    private static void balance(ChildJvm one, ChildJvm other) {
        for (String group : GROUPS) {
            for (ChildJvm holder : List.of(one, other)) {
                if (tokens.segments(List.of(group)).stream().allMatch(segment -> holder.owns(segment.owner()))) {
                    Response released = api(holder).post("/api/v1/admin/projections/"
                            + group + "/segments/1/release", ADMIN_KEY, null);
                    assertThat(released.status()).as(released.toString()).isEqualTo(202);
                }
            }
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            for (String group : GROUPS) {
                assertThat(tokens.segments(List.of(group))).as(group).hasSize(SEGMENTS)
                        .anyMatch(segment -> one.owns(segment.owner()))
                        .anyMatch(segment -> other.owns(segment.owner()));
            }
        });
    }

    /** Every group of every instance has handled every event up to the head of the event store. */
    private static void awaitCaughtUp(ChildJvm... instances) {
        long head = tokens.head();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (ChildJvm instance : instances) {
                for (JsonNode status : api(instance).get("/api/v1/admin/projections",
                        ADMIN_KEY).body().get("items")) {
                    if (GROUPS.contains(status.get("name").asText())) {
                        assertThat(status.get("position").asLong()).as(instance.name() + " " + status)
                                .isGreaterThanOrEqualTo(head);
                    }
                }
            }
        });
    }

    private static Set<Integer> segmentsHeldBy(ChildJvm instance, String group) {
        JsonNode status = api(instance).get("/api/v1/admin/projections/" + group, ADMIN_KEY)
                .body();
        Set<Integer> held = new TreeSet<>();
        status.get("segments").forEach(segment -> {
            if (segment.get("processedHere").asBoolean()) {
                held.add(segment.get("segment").asInt());
            }
        });
        return held;
    }

    /**
     * Read through each instance: every acknowledged person with its one paid order (the customer value sums the
     * payments: a payment applied twice would double it), one deal and one activity; every order paid.
     */
    private static void assertReadModels(List<CustomerStories> organizations, ChildJvm... instances) {
        assertThat(tokens.deadLetters()).as("events parked by a failing handler (not seen by the failure counters)")
                .isEmpty();
        for (ChildJvm instance : instances) {
            Api reads = api(instance);
            for (CustomerStories stories : organizations) {
                String key = stories.organization().apiKey();
                List<UUID> persons = stories.acknowledged("identity.person");
                Response list = reads.get("/api/v1/persons?limit=200", key);
                assertThat(list.status()).as(list.toString()).isEqualTo(200);
                assertThat(list.body().get("items")).as(instance.name() + " persons").hasSize(persons.size());
                for (UUID person : persons) {
                    JsonNode view = reads.get("/api/v1/persons/" + person, key).body();
                    assertThat(new BigDecimal(view.at("/flags/customerValue").asText())).as(instance.name() + " " + view)
                            .isEqualByComparingTo("9.99");
                    assertThat(view.at("/orders/count").asInt()).as(instance.name() + " " + view).isEqualTo(1);
                    assertThat(view.at("/deals/openCount").asInt()).as(instance.name() + " " + view).isEqualTo(1);
                    assertThat(view.at("/activities/count").asInt()).as(instance.name() + " " + view).isEqualTo(1);
                    assertThat(view.get("addresses")).as(instance.name() + " " + view).hasSize(1);
                }
                for (UUID order : stories.acknowledged("commerce.orders")) {
                    JsonNode view = reads.get("/api/v1/orders/" + order, key).body();
                    assertThat(view.get("paymentStatus").asText()).as(instance.name() + " " + view).isEqualTo("paid");
                }
            }
        }
    }

    private static Api api(ChildJvm instance) {
        return Api.ofChildProcess(instance.port(), ADMIN_KEY);
    }

    private static String prometheus(ChildJvm instance) {
        Response metrics = api(instance).send("GET", "/actuator/prometheus", ADMIN_KEY, null, null);
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.raw().body();
    }

    /** A counter's value summed over its label sets; 0 when absent. */
    private static double counter(String metrics, String name) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
