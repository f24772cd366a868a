package io.unifiedcrm.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SharedEventReaderTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).optimizeEventConsumption(false).build();
    private final AtomicInteger readFromStore = new AtomicInteger();
    /** Asks of the store whether there is more: a query each, for the JDBC storage engine. */
    private final AtomicInteger asked = new AtomicInteger();
    private SharedEventReader lastReader;
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger wakeUps = new AtomicInteger();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void processorsAtTheSamePositionReadEachEventFromTheStoreOnce() throws Exception {
        publish(100);
        SharedEventReader reader = reader(1_000, 10);
        SharedEventReader.Cursor first = reader.open(null);
        SharedEventReader.Cursor second = reader.open(null);

        List<Object> firstRead = readAvailable(first);
        List<Object> secondRead = readAvailable(second);

        assertThat(firstRead).hasSize(100).isEqualTo(secondRead).isEqualTo(payloads(0, 100));
        assertThat(readFromStore).hasValue(100);
        assertThat(reader.cursorsInWindow()).isEqualTo(2);
    }

    @Test
    void anEventPublishedLaterReachesEveryProcessorWithOneRead() throws Exception {
        publish(3);
        SharedEventReader reader = reader(1_000, 10);
        List<SharedEventReader.Cursor> cursors = IntStream.range(0, 7).mapToObj(i -> reader.open(null)).toList();
        for (SharedEventReader.Cursor cursor : cursors) {
            readAvailable(cursor);
        }
        int before = readFromStore.get();
        int askedBefore = asked.get();

        publish(1);

        for (SharedEventReader.Cursor cursor : cursors) {
            assertThat(readAvailable(cursor)).containsExactly("event-3");
        }
        assertThat(readFromStore.get() - before).isEqualTo(1);
        assertThat(asked.get() - askedBefore).as("one look at the store for all seven").isEqualTo(1);
    }

    @Test
    void processorsThatReachTheEndCostNoQueryUntilNewEventsMayExist() throws Exception {
        publish(3);
        SharedEventReader reader = reader(1_000, 10);
        List<SharedEventReader.Cursor> cursors = IntStream.range(0, 7).mapToObj(i -> reader.open(null)).toList();
        for (SharedEventReader.Cursor cursor : cursors) {
            readAvailable(cursor);
        }
        int askedBefore = asked.get();

        for (int poll = 0; poll < 5; poll++) {
            for (SharedEventReader.Cursor cursor : cursors) {
                assertThat(cursor.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
            }
        }
        assertThat(asked.get()).as("no query without a sign of new events").isEqualTo(askedBefore);

        reader.newEventsMayExist();
        for (SharedEventReader.Cursor cursor : cursors) {
            assertThat(cursor.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
        }
        assertThat(asked.get() - askedBefore).as("one query after the sign, for all").isEqualTo(1);
    }

    @Test
    void aProcessorElsewhereReadsPrivatelyAndJoinsWhenItReachesTheWindow() throws Exception {
        publish(1_000);
        SharedEventReader reader = reader(2_000, 100);
        SharedEventReader.Cursor ahead = reader.open(null);
        assertThat(readAvailable(ahead)).hasSize(1_000);
        TrackingToken atFive = tokenAfter(5);

        SharedEventReader.Cursor behind = reader.open(atFive);
        assertThat(behind.inWindow()).isTrue();
        assertThat(readAvailable(behind)).isEqualTo(payloads(5, 1_000));

        SharedEventReader small = reader(50, 10);
        SharedEventReader.Cursor leader = small.open(null);
        assertThat(readAvailable(leader)).hasSize(1_000);
        SharedEventReader.Cursor late = small.open(atFive);
        assertThat(late.inWindow()).isFalse();
        List<Object> lateRead = readAvailable(late);
        assertThat(lateRead).isEqualTo(payloads(5, 1_000));
        assertThat(late.inWindow()).isTrue();
    }

    @Test
    void theWindowNeverHoldsMoreThanItsCapacityAndAFastProcessorWaitsForASlowOne() throws Exception {
        publish(500);
        SharedEventReader reader = reader(100, 30);
        SharedEventReader.Cursor fast = reader.open(null);
        SharedEventReader.Cursor slow = reader.open(null);

        List<Object> fastRead = readAvailable(fast);
        assertThat(fastRead).hasSize(100);
        assertThat(reader.held()).isLessThanOrEqualTo(100);

        assertThat(read(slow, 10)).isEqualTo(payloads(0, 10));
        assertThat(readAvailable(fast)).isEqualTo(payloads(100, 110));
        assertThat(reader.held()).isLessThanOrEqualTo(100);
        assertThat(wakeUps.get()).isPositive();
    }

    @Test
    void aStalledProcessorLeavesTheWindowAndCatchesUpPrivately() throws Exception {
        publish(500);
        SharedEventReader reader = reader(100, 30);
        SharedEventReader.Cursor fast = reader.open(null);
        SharedEventReader.Cursor stalled = reader.open(null);
        assertThat(readAvailable(fast)).hasSize(100);

        clock.addAndGet(Duration.ofSeconds(6).toNanos());

        assertThat(readAvailable(fast)).isEqualTo(payloads(100, 500));
        assertThat(stalled.inWindow()).isFalse();
        assertThat(readAvailable(stalled)).isEqualTo(payloads(0, 500));
    }

    @Test
    void processorsReplayingTogetherShareASecondWindowAndJoinTheHeadWhenTheyCatchUp() throws Exception {
        publish(1_000);
        SharedEventReader reader = reader(200, 2, 50);
        SharedEventReader.Cursor live = reader.open(null);
        assertThat(readAvailable(live)).hasSize(1_000);
        int readByTheLiveOne = readFromStore.get();

        List<SharedEventReader.Cursor> replaying = IntStream.range(0, 3).mapToObj(i -> reader.open(null)).toList();
        assertThat(replaying).allMatch(SharedEventReader.Cursor::inWindow);
        assertThat(reader.windowsInUse()).isEqualTo(2);
        for (int step = 0; step < 25; step++) {
            for (SharedEventReader.Cursor cursor : replaying) {
                read(cursor, 40);
            }
        }

        assertThat(readFromStore.get() - readByTheLiveOne).as("the replay reads the stream once").isEqualTo(1_000);
        for (SharedEventReader.Cursor cursor : replaying) {
            assertThat(readAvailable(cursor)).isEmpty();
        }
        assertThat(reader.windowsInUse()).as("caught up: all read the head's window").isEqualTo(1);
        int askedBefore = asked.get();
        publish(1);
        for (SharedEventReader.Cursor cursor : List.of(live, replaying.get(0), replaying.get(1), replaying.get(2))) {
            assertThat(readAvailable(cursor)).containsExactly("event-1000");
        }
        assertThat(asked.get() - askedBefore).as("one query for all four").isEqualTo(1);
    }

    @Test
    void aProcessorFindingEveryWindowInUseReadsPrivately() throws Exception {
        publish(300);
        SharedEventReader reader = reader(100, 2, 10);
        SharedEventReader.Cursor head = reader.open(null);
        assertThat(readAvailable(head)).hasSize(300);
        SharedEventReader.Cursor middle = reader.open(tokenAfter(100));
        SharedEventReader.Cursor start = reader.open(null);

        assertThat(middle.inWindow()).isTrue();
        assertThat(start.inWindow()).isFalse();
        assertThat(readAvailable(start)).isEqualTo(payloads(0, 300));
        assertThat(readAvailable(middle)).isEqualTo(payloads(100, 300));
    }

    /** However the processors interleave, each reads every event once, in the store's order. */
    @Test
    void aProcessorPassesOverEventsOfTypesItDoesNotHandleButReachesTheHead() throws Exception {
        for (int i = 0; i < 10; i++) {
            store.publish(GenericEventMessage.asEventMessage("text-" + i), GenericEventMessage.asEventMessage(i));
        }
        store.publish(GenericEventMessage.asEventMessage(10));
        SharedEventReader reader = reader(1_000, 100);
        reader.newEventsMayExist();
        SharedEventReader.Cursor numbersOnly = reader.open(null);
        SharedEventReader.Cursor everything = reader.open(null);
        TrackedEventMessage<?> first = numbersOnly.nextAvailable();
        assertThat(first.getPayload()).isEqualTo("text-0");
        numbersOnly.skipMessagesWithPayloadTypeOf(first);

        List<Object> numbers = readAvailable(numbersOnly);

        assertThat(numbers).isEqualTo(IntStream.rangeClosed(0, 10).boxed().toList());
        assertThat(readAvailable(everything)).hasSize(21);
        store.publish(GenericEventMessage.asEventMessage("text-10"), GenericEventMessage.asEventMessage("text-11"));
        reader.newEventsMayExist();
        assertThat(readAvailable(numbersOnly)).as("the last one available is handed over: the token reaches the head")
                .containsExactly("text-11");
        assertThat(numbersOnly.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void aProcessorReadingPrivatelyPassesOverEventsOfTypesItDoesNotHandle() throws Exception {
        for (int i = 0; i < 50; i++) {
            store.publish(GenericEventMessage.asEventMessage("text-" + i), GenericEventMessage.asEventMessage(i));
        }
        SharedEventReader reader = reader(20, 1, 10);
        reader.newEventsMayExist();
        SharedEventReader.Cursor leader = reader.open(null);
        assertThat(read(leader, 50)).hasSize(50);
        SharedEventReader.Cursor late = reader.open(null);
        assertThat(late.inWindow()).isFalse();
        TrackedEventMessage<?> first = late.nextAvailable();
        late.skipMessagesWithPayloadTypeOf(first);

        assertThat(read(late, 10)).isEqualTo(IntStream.range(0, 10).boxed().toList());
    }

    @Test
    void aProcessorReadingPrivatelyPassesOverABoundedNumberOfEventsAtATime() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            store.publish(GenericEventMessage.asEventMessage(i));
        }
        store.publish(GenericEventMessage.asEventMessage("the one it handles"));
        SharedEventReader reader = reader(20, 1, 10);
        reader.newEventsMayExist();
        SharedEventReader.Cursor leader = reader.open(null);
        assertThat(read(leader, 1_001)).hasSize(1_001);
        SharedEventReader.Cursor late = reader.open(null);
        assertThat(late.inWindow()).isFalse();
        late.skipMessagesWithPayloadTypeOf(late.nextAvailable());

        Object next = late.nextAvailable().getPayload();

        assertThat(next).as("handed over after passing over a bounded number, so its coordinator gets control back")
                .isInstanceOf(Integer.class);
        assertThat(readAvailable(late)).last().isEqualTo("the one it handles");
    }

    @Test
    void everyProcessorReadsEveryEventOnceInOrder() throws Exception {
        everyProcessorReadsEveryEventOnceInOrder(1, 5);
    }

    @Test
    void everyProcessorReadsEveryEventOnceInOrderWithTwoWindows() throws Exception {
        everyProcessorReadsEveryEventOnceInOrder(2, 7);
    }

    /** Also when processors close their stream and open another where they are, as Axon's coordinator does. */
    private void everyProcessorReadsEveryEventOnceInOrder(int windows, long seed) throws Exception {
        Random random = new Random(seed);
        SharedEventReader reader = reader(64, windows, 16);
        List<SharedEventReader.Cursor> cursors = new ArrayList<>();
        List<TrackingToken> tokens = new ArrayList<>();
        List<List<Object>> read = new ArrayList<>();
        int published = 0;
        for (int step = 0; step < 5_000; step++) {
            int action = random.nextInt(11);
            if (action == 0 && published < 2_000) {
                int count = 1 + random.nextInt(20);
                publish(published, count);
                published += count;
            } else if (action == 1 && cursors.size() < 6) {
                cursors.add(reader.open(null));
                tokens.add(null);
                read.add(new ArrayList<>());
            } else if (action == 2) {
                clock.addAndGet(Duration.ofSeconds(random.nextInt(7)).toNanos());
            } else if (action == 3 && !cursors.isEmpty()) {
                int which = random.nextInt(cursors.size());
                cursors.get(which).close();
                cursors.set(which, reader.open(tokens.get(which)));
            } else if (!cursors.isEmpty()) {
                int which = random.nextInt(cursors.size());
                SharedEventReader.Cursor cursor = cursors.get(which);
                for (int most = 1 + random.nextInt(40); most > 0 && cursor.hasNextAvailable(0, TimeUnit.MILLISECONDS);
                     most--) {
                    TrackedEventMessage<?> event = cursor.nextAvailable();
                    read.get(which).add(event.getPayload());
                    tokens.set(which, event.trackingToken());
                }
            }
        }
        for (int which = 0; which < cursors.size(); which++) {
            read.get(which).addAll(readAvailable(cursors.get(which)));
            assertThat(read.get(which)).isEqualTo(payloads(0, published));
        }
    }

    private SharedEventReader reader(int capacity, int fetchSize) {
        return reader(capacity, 1, fetchSize);
    }

    private SharedEventReader reader(int capacity, int windows, int fetchSize) {
        lastReader = new SharedEventReader(this::countingStream, this::batch, capacity, windows, fetchSize,
                Duration.ofSeconds(5), clock::get, wakeUps::incrementAndGet);
        return lastReader;
    }

    /** A batch from the store: one query, as the JDBC engine's is. */
    private List<TrackedEventMessage<?>> batch(TrackingToken token, int atMost) {
        asked.incrementAndGet();
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(token)) {
            while (events.size() < atMost && stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException interrupted) {
            throw new IllegalStateException(interrupted);
        }
        readFromStore.addAndGet(events.size());
        return events;
    }

    private BlockingStream<TrackedEventMessage<?>> countingStream(TrackingToken token) {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(token);
        return new BlockingStream<>() {
            @Override
            public java.util.Optional<TrackedEventMessage<?>> peek() {
                return stream.peek();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                return stream.hasNextAvailable(timeout, unit);
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                readFromStore.incrementAndGet();
                return stream.nextAvailable();
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    private void publish(int count) {
        publish(0, count);
    }

    private int publishedSoFar;

    /** Publishes and gives the sign a commit gives ({@code CommitNotifyingEventSource}). */
    private void publish(int from, int count) {
        for (int i = 0; i < count; i++) {
            store.publish(GenericEventMessage.asEventMessage("event-" + publishedSoFar++));
        }
        if (lastReader != null) {
            lastReader.newEventsMayExist();
        }
    }

    private TrackingToken tokenAfter(int events) throws InterruptedException {
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            TrackingToken token = null;
            for (int i = 0; i < events; i++) {
                token = stream.nextAvailable().trackingToken();
            }
            return token;
        }
    }

    private static List<Object> readAvailable(SharedEventReader.Cursor cursor) throws InterruptedException {
        return read(cursor, Integer.MAX_VALUE);
    }

    private static List<Object> read(SharedEventReader.Cursor cursor, int most) throws InterruptedException {
        List<Object> read = new ArrayList<>();
        while (read.size() < most && cursor.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
            read.add(cursor.nextAvailable().getPayload());
        }
        return read;
    }

    private static List<Object> payloads(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (Object) ("event-" + i)).toList();
    }
}
