package io.unifiedcrm.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The long-transaction gap problem (ARCHITECTURE §3): a writer takes the event table's next global index and holds
 * its transaction open while later events commit and a pooled processor projects them (its token moves past the
 * index, remembering it as a gap); then the writer commits. With the project's {@link EventGapSettings} the event is
 * projected; with Axon's defaults (or any gap timeout shorter than the hold) the processor has forgotten the gap
 * and never reads it. The event store, the {@link CommitNotifyingEventSource} and one pooled processor with a
 * counting handler run on a PostgreSQL of their own, on the project's event table.
 */
class SkippedEventsTest {

    /** Events committed after the held one: more than Axon's default maxGapOffset (10,000). */
    private static final int LATER_EVENTS = 10_050;

    /** Indexes taken by a rolled-back append: more than Axon's gap cleaning threshold (250). */
    private static final int ROLLED_BACK = 260;

    private static final EventSchema SCHEMA = new AxonPostgresConfiguration().eventSchema();

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final Set<String> projected = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService coordinator;
    private ScheduledExecutorService workers;
    private PooledStreamingEventProcessor processor;
    private CommitNotifyingEventSource source;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        String schema = new ClassPathResource("db/migration/infrastructure/V1_1__axon_event_store.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(schema);
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void emptyEventTable() throws SQLException {
        execute("TRUNCATE axon.domain_event_entry RESTART IDENTITY");
    }

    @AfterEach
    void stopProcessor() {
        if (processor != null) {
            processor.shutDown();
        }
        if (source != null) {
            source.close();
        }
        if (coordinator != null) {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    @Test
    void anEventCommittedLongAfterLaterEventsIsProjectedWithTheProjectsConfiguration() throws Exception {
        startProcessor(builder -> EventGapSettings.DEFAULTS.engine(builder, SCHEMA));

        assertThat(holdAnEventWhileLaterEventsAreProjected(Duration.ofSeconds(2)))
                .as("the held event reaches the projection").isTrue();
    }

    @Test
    void axonsDefaultsSkipAnEventCommittedAfterMoreThanMaxGapOffsetLaterEvents() throws Exception {
        startProcessor(builder -> builder.schema(SCHEMA).build());

        assertThat(holdAnEventWhileLaterEventsAreProjected(Duration.ZERO))
                .as("Axon's defaults forget the gap 10,000 indexes behind: the held event is skipped").isFalse();
    }

    @Test
    void aGapTimeoutShorterThanTheHoldSkipsTheEvent() throws Exception {
        startProcessor(builder -> new EventGapSettings(Duration.ofSeconds(1), 10_000, Duration.ofSeconds(30))
                .engine(builder, SCHEMA));

        assertThat(holdAnEventWhileLaterEventsAreProjected(Duration.ofSeconds(3)))
                .as("held past the 1 s gap timeout: the held event is skipped").isFalse();
    }

    /**
     * Tens of thousands of open gaps (appends rolled back, e.g. rejected commands) are read with one array parameter:
     * with one bind parameter each, as Axon's statement has it, PostgreSQL refuses more than 65,535 and every read of
     * the stream fails.
     */
    @Test
    void aPositionWithTensOfThousandsOfGapsIsStillRead() throws Exception {
        startProcessor(builder -> EventGapSettings.DEFAULTS.engine(builder, SCHEMA));
        try (Connection first = dataSource.getConnection()) {
            insert(first, "first", 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> projected.contains("first-1"));
        try (Connection rolledBack = dataSource.getConnection()) {
            rolledBack.setAutoCommit(false);
            insert(rolledBack, "rolled-back", 70_000);
            rolledBack.rollback();
        }
        try (Connection later = dataSource.getConnection()) {
            insert(later, "later", 10);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> projected.contains("later-10"));
        try (Connection last = dataSource.getConnection()) {
            insert(last, "last", 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> projected.contains("last-1"));
    }

    /**
     * Rolls back an append (leaving more gaps than the cleaning threshold), takes the next index in a transaction it
     * holds, commits the later events and waits until they are projected, holds on for {@code hold} more, commits,
     * then commits one more event and waits for it: whether the held event was projected by then.
     */
    private boolean holdAnEventWhileLaterEventsAreProjected(Duration hold) throws Exception {
        try (Connection rolledBack = dataSource.getConnection()) {
            rolledBack.setAutoCommit(false);
            insert(rolledBack, "rolled-back", ROLLED_BACK);
            rolledBack.rollback();
        }
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            insert(writer, "held", 1);

            try (Connection later = dataSource.getConnection()) {
                insert(later, "later", LATER_EVENTS);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> projected.size() == LATER_EVENTS);
            long heldSince = System.nanoTime();
            await().atMost(hold.plusSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Duration.ofNanos(System.nanoTime() - heldSince).compareTo(hold) >= 0);

            writer.commit();
        }
        try (Connection last = dataSource.getConnection()) {
            insert(last, "last", 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> projected.contains("last-1"));
        return projected.contains("held-1");
    }

    private void startProcessor(Function<JdbcEventStorageEngine.Builder, JdbcEventStorageEngine> engineOf) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine engine = engineOf.apply(JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer));
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
                .storageEngine(engine)
                .optimizeEventConsumption(false)
                .build();
        source = new CommitNotifyingEventSource(eventStore, null, Duration.ofMillis(100), Duration.ZERO,
                Duration.ofSeconds(1), SharedReading.DEFAULTS);
        coordinator = Executors.newSingleThreadScheduledExecutor();
        workers = Executors.newScheduledThreadPool(1);
        processor = PooledStreamingEventProcessor.builder()
                .name("gaps")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers((org.axonframework.eventhandling.EventMessageHandler) this::count)
                        .build())
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .batchSize(500)
                .build();
        processor.start();
    }

    private Object count(EventMessage<?> event) {
        projected.add((String) event.getPayload());
        return null;
    }

    /** Appends {@code count} events with payloads {@code prefix-1 … prefix-count}, as the storage engine would. */
    private static void insert(Connection connection, String prefix, int count) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO axon.domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp)
                    SELECT '%1$s-' || g, 0, 'Test', gen_random_uuid()::text, convert_to('{}', 'UTF8'),
                        convert_to('"%1$s-' || g || '"', 'UTF8'), NULL, 'java.lang.String',
                        to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                    FROM generate_series(1, %2$d) g""".formatted(prefix, count));
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
