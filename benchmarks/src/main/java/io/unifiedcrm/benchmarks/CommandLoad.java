package io.unifiedcrm.benchmarks;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.math.BigDecimal;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * The command mix over HTTP — 20 % create person, 45 % rename a person chosen Zipf-skewed among the first
 * {@value #HOT_SET}, 10 % checkout (a cart of one to three units of one of {@value #PRODUCTS} products for a hot-set
 * person, then placing it: two commands, the placement reserving stock through the order's saga), 10 % payment of a
 * placed order in full (a rename when none is waiting), 5 % create a deal for a hot-set person in the default
 * pipeline, 10 % move an open deal to the pipeline's next stage, the last move winning it (a deal creation when
 * none is waiting) — closed loop for throughput (M1 mix); and person creations alone (POST /api/v1/persons, every
 * e-mail address new: the M1 of issue 16), closed loop for throughput (M1) and open loop at a fixed arrival rate for
 * latency (M2), with projection-lag probes (M3) and queries alongside (M5).
 */
final class CommandLoad {

    static final int HOT_SET = 1_000;
    static final double CREATE_SHARE = 0.20;
    static final double CHECKOUT_SHARE = 0.10;
    static final double PAYMENT_SHARE = 0.10;
    static final double DEAL_SHARE = 0.05;
    static final double STAGE_MOVE_SHARE = 0.10;
    static final int PRODUCTS = 10;
    private static final String UNIT_PRICE = "10.00";

    private final Http http;
    private final String apiKey;
    private final DataSource database;
    private final List<String> persons = new CopyOnWriteArrayList<>();
    private final Zipf zipf = new Zipf(HOT_SET, 1.0);
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> products = new CopyOnWriteArrayList<>();
    /** Placed orders waiting for their payment, with the amount due. */
    private final Queue<String[]> unpaid = new ConcurrentLinkedQueue<>();
    /** The default pipeline's stage ids in order, the last the won stage. */
    private final List<String> dealStages = new CopyOnWriteArrayList<>();
    /** Open deals waiting for their next move, with the index of the stage they are in. */
    private final Queue<Object[]> openDeals = new ConcurrentLinkedQueue<>();

    CommandLoad(Http http, String apiKey, DataSource database) {
        this.http = http;
        this.apiKey = apiKey;
        this.database = database;
    }

    /** Creates the products orders are for, with stock that the run cannot exhaust. */
    void createProducts() {
        for (int i = 0; i < PRODUCTS; i++) {
            HttpResponse<String> created = http.send("POST", "/api/v1/products", apiKey,
                    "{\"sku\":\"BENCH-" + i + "\",\"name\":\"Bench product " + i + "\",\"price\":{\"amount\":\""
                            + UNIT_PRICE + "\",\"currency\":\"EUR\"}}");
            String id = idIn(created, 201);
            http.send("POST", "/api/v1/products/" + id + "/restock", apiKey, "{\"quantity\":1000000000}");
            products.add(id);
        }
    }

    /** Reads the default pipeline's open stages and its won stage, in order, once the read model has them. */
    void readDealStages() {
        JsonNode pipeline = await().atMost(Duration.ofSeconds(30)).until(() -> http.json("GET", "/api/v1/pipelines",
                apiKey, null).path("items").path(0), found -> found.path("stages").size() > 1);
        for (JsonNode stage : pipeline.get("stages")) {
            if (!stage.get("isClosed").asBoolean() || stage.get("isWon").asBoolean()) {
                dealStages.add(stage.get("id").asText());
            }
        }
    }

    /** The hot set's most used person (Zipf rank 1): the one with the most orders, deals and renames. */
    String hottestPerson() {
        return persons.get(0);
    }

    /** Creates the hot set of persons (this also warms the application up). */
    void createHotSet(int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < HOT_SET; i++) {
            pool.submit(() -> persons.add(createPerson().id()));
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
    }

    /** M1 mix: {@code clients} clients sending the mix back to back; successful commands per second. */
    Throughput closedLoop(int clients, Duration duration) throws Exception {
        return closedLoop(clients, duration, this::nextCommand);
    }

    /**
     * M1: {@code clients} clients creating persons back to back (POST /api/v1/persons, every e-mail address new);
     * successful creations per second.
     */
    Throughput creations(int clients, Duration duration) throws Exception {
        return closedLoop(clients, duration, this::createPerson);
    }

    private Throughput closedLoop(int clients, Duration duration, java.util.function.Supplier<Outcome> command)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    Outcome outcome = command.get();
                    (outcome.ok() ? succeeded : failed).addAndGet(outcome.commands());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Throughput(succeeded.get() / seconds, succeeded.get(), failed.get());
    }

    /**
     * M2 with M3 and M5: person creations sent at {@code ratePerSecond} whatever the answers' pace (open loop;
     * latency is measured from the intended send time, so queueing shows); every 10th is probed for projection lag;
     * queries run at their own fixed rate alongside.
     */
    OpenLoopResult openLoop(double ratePerSecond, Duration duration, double queriesPerSecond) throws Exception {
        int expected = (int) (ratePerSecond * duration.toSeconds()) + 16;
        Percentiles latency = new Percentiles(expected);
        Percentiles lag = new Percentiles(expected);
        Percentiles getById = new Percentiles(expected);
        Percentiles filteredList = new Percentiles(expected);
        AtomicLong failed = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        ExecutorService probes = Executors.newFixedThreadPool(4);
        ExecutorService queries = Executors.newFixedThreadPool(8);

        long start = System.nanoTime() + 100_000_000L;
        long interval = (long) (1e9 / ratePerSecond);
        long queryInterval = (long) (1e9 / queriesPerSecond);
        long end = start + duration.toNanos();
        Thread queryDispatcher = new Thread(() -> {
            for (long i = 0; start + i * queryInterval < end; i++) {
                long intended = start + i * queryInterval;
                LockSupport.parkNanos(intended - System.nanoTime());
                boolean byId = i % 2 == 0;
                queries.submit(() -> {
                    String person = persons.get(ThreadLocalRandom.current().nextInt(persons.size()));
                    HttpResponse<String> response = byId
                            ? http.send("GET", "/api/v1/persons/" + person, apiKey, null)
                            : http.send("GET", "/api/v1/persons?limit=20&email=bench-"
                                    + ThreadLocalRandom.current().nextInt(1000) + "@load.example", apiKey, null);
                    (byId ? getById : filteredList).record(System.nanoTime() - intended);
                    if (response.statusCode() != 200) {
                        failed.incrementAndGet();
                    }
                });
            }
        });
        queryDispatcher.start();
        for (long i = 0; start + i * interval < end; i++) {
            long intended = start + i * interval;
            LockSupport.parkNanos(intended - System.nanoTime());
            boolean probe = i % 10 == 0;
            senders.submit(() -> {
                Outcome outcome = createPerson();
                long acknowledged = System.nanoTime();
                latency.record(acknowledged - intended);
                if (!outcome.ok()) {
                    failed.incrementAndGet();
                } else if (probe) {
                    probes.submit(() -> lag.record(waitUntilProjected(outcome.id()) - acknowledged));
                }
            });
        }
        queryDispatcher.join();
        for (ExecutorService pool : List.of(senders, queries, probes)) {
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
        }
        return new OpenLoopResult(ratePerSecond, latency, lag, getById, filteredList, failed.get());
    }

    private Outcome nextCommand() {
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < CREATE_SHARE) {
            return createPerson();
        }
        if (roll < CREATE_SHARE + CHECKOUT_SHARE) {
            return checkout();
        }
        if (roll < CREATE_SHARE + CHECKOUT_SHARE + PAYMENT_SHARE) {
            String[] due = unpaid.poll();
            if (due != null) {
                HttpResponse<String> paid = http.send("POST", "/api/v1/orders/" + due[0] + "/pay", apiKey,
                        "{\"amount\":{\"amount\":\"" + due[1] + "\",\"currency\":\"EUR\"},\"method\":\"card\"}");
                return new Outcome(paid.statusCode() == 200, due[0], 1);
            }
        }
        double dealsFrom = CREATE_SHARE + CHECKOUT_SHARE + PAYMENT_SHARE;
        if (roll >= dealsFrom && roll < dealsFrom + DEAL_SHARE) {
            return createDeal();
        }
        if (roll >= dealsFrom + DEAL_SHARE && roll < dealsFrom + DEAL_SHARE + STAGE_MOVE_SHARE) {
            Object[] open = openDeals.poll();
            return open == null ? createDeal() : moveDeal((String) open[0], (Integer) open[1] + 1);
        }
        String person = persons.get(zipf.next() % persons.size());
        HttpResponse<String> response = http.send("PATCH", "/api/v1/persons/" + person, apiKey,
                "{\"lastName\":\"Renamed" + sequence.incrementAndGet() + "\"}");
        return new Outcome(response.statusCode() == 200, person, 1);
    }

    /** A cart for a hot-set person, then its placement: two commands. */
    private Outcome checkout() {
        String person = persons.get(zipf.next() % persons.size());
        String product = products.get(ThreadLocalRandom.current().nextInt(products.size()));
        int units = 1 + ThreadLocalRandom.current().nextInt(3);
        HttpResponse<String> cart = http.send("POST", "/api/v1/orders", apiKey, "{\"personId\":\"" + person
                + "\",\"items\":[{\"productId\":\"" + product + "\",\"quantity\":" + units + "}]}");
        String order = idIn(cart, 201);
        if (order == null) {
            return new Outcome(false, null, 2);
        }
        HttpResponse<String> placed = http.send("POST", "/api/v1/orders/" + order + "/place", apiKey, null);
        if (placed.statusCode() == 200) {
            unpaid.add(new String[] {order, new BigDecimal(UNIT_PRICE)
                    .multiply(BigDecimal.valueOf(units)).toPlainString()});
        }
        return new Outcome(placed.statusCode() == 200, order, 2);
    }

    /** A deal for a hot-set person in the default pipeline's first stage. */
    private Outcome createDeal() {
        String person = persons.get(zipf.next() % persons.size());
        HttpResponse<String> created = http.send("POST", "/api/v1/deals", apiKey, "{\"name\":\"Bench deal "
                + sequence.incrementAndGet() + "\",\"personId\":\"" + person + "\",\"amount\":{\"amount\":\"1500.00\","
                + "\"currency\":\"EUR\"}}");
        String deal = idIn(created, 201);
        if (deal != null) {
            openDeals.add(new Object[] {deal, 0});
        }
        return new Outcome(deal != null, deal, 1);
    }

    /** Moves an open deal into the stage at {@code index}; into the last, the won stage, it is won. */
    private Outcome moveDeal(String deal, int index) {
        HttpResponse<String> moved = http.send("POST", "/api/v1/deals/" + deal + "/stage", apiKey,
                "{\"stageId\":\"" + dealStages.get(index) + "\"}");
        if (moved.statusCode() == 200 && index < dealStages.size() - 1) {
            openDeals.add(new Object[] {deal, index});
        }
        return new Outcome(moved.statusCode() == 200, deal, 1);
    }

    private static String idIn(HttpResponse<String> response, int expectedStatus) {
        return response.statusCode() == expectedStatus
                ? response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1") : null;
    }

    private Outcome createPerson() {
        long n = sequence.incrementAndGet();
        HttpResponse<String> response = http.send("POST", "/api/v1/persons", apiKey,
                "{\"email\":\"bench-" + (n % 1000) + "-" + n + "@load.example\",\"firstName\":\"Bench\","
                        + "\"lastName\":\"Person" + n + "\",\"source\":\"api\"}");
        return new Outcome(response.statusCode() == 201, idIn(response, 201), 1);
    }

    /** Polls the read model until the person's row is there; answers the time it was first seen. */
    private long waitUntilProjected(String personId) {
        try (Connection connection = database.getConnection();
             PreparedStatement visible = connection.prepareStatement("SELECT 1 FROM identity.person WHERE id = ?")) {
            visible.setObject(1, UUID.fromString(personId));
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < giveUp) {
                try (ResultSet row = visible.executeQuery()) {
                    if (row.next()) {
                        return System.nanoTime();
                    }
                }
                LockSupport.parkNanos(500_000);
            }
            return giveUp;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param commands how many commands the step sent (a checkout is two) */
    private record Outcome(boolean ok, String id, int commands) {
    }

    record Throughput(double perSecond, long succeeded, long failures) {
    }

    record OpenLoopResult(double rate, Percentiles latency, Percentiles lag, Percentiles getById,
                          Percentiles filteredList, long failures) {
    }
}
