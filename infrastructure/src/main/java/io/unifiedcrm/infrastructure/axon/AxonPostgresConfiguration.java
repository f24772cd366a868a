package io.unifiedcrm.infrastructure.axon;

import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Points Axon's JDBC storage (events, snapshots, tokens, sagas, dead letters) at the tables Flyway creates in schema
 * {@code axon} (see {@code V1_1__axon_event_store.sql}). Axon's JDBC auto-configuration builds the storage engine,
 * token store, saga store and dead-letter queues from these schemas; with the {@code axonserver} profile Axon Server
 * stores the events and only tokens, sagas and dead letters stay here.
 */
@Configuration(proxyBeanMethods = false)
public class AxonPostgresConfiguration {

    /**
     * The event store on the PostgreSQL storage engine (not with the {@code axonserver} profile). Every processor
     * reads the stream itself, in bounded batches: Axon's shared read-ahead cache would otherwise let a processor
     * that falls behind (a million events appended at once, a replay) pin everything read ahead of it in memory
     * until its next clean-up, which ran the application out of heap in the benchmark.
     */
    /** Recognises a duplicate (aggregate, sequence) key: a lost append race, which the command gateway retries. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    /**
     * Axon's JDBC storage engine on our schema, as Axon's auto-configuration would build it, with the reads of the
     * stream of {@link PostgresEventStorageEngine}; {@code fetch-size} events per query.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 EventGapSettings eventGapSettings,
                                                 @Value("${unifiedcrm.processors.fetch-size:1000}") int fetchSize) {
        return eventGapSettings.engine(JdbcEventStorageEngine.builder()
                .batchSize(fetchSize)
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager), eventSchema);
    }

    /** How long processors wait for an uncommitted global index: README, "No skipped events". */
    @Bean
    public EventGapSettings eventGapSettings(
            @Value("${unifiedcrm.events.gap-timeout:PT5M}") java.time.Duration gapTimeout,
            @Value("${unifiedcrm.events.max-gap-offset:1000000}") int maxGapOffset,
            @Value("${unifiedcrm.events.gap-warning-age:PT30S}") java.time.Duration warnAfter) {
        return new EventGapSettings(gapTimeout, maxGapOffset, warnAfter);
    }

    /** Bounds how long a writer can hold a global index: below the gap timeout (README, "No skipped events"). */
    @Bean
    public static WriterTimeouts writerTimeouts(
            @Value("${unifiedcrm.database.statement-timeout:PT1M}") java.time.Duration statementTimeout,
            @Value("${unifiedcrm.database.idle-in-transaction-timeout:PT1M}") java.time.Duration idleTimeout) {
        return new WriterTimeouts(statementTimeout, idleTimeout);
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                         org.axonframework.config.Configuration configuration) {
        return new ClaimsBeforeAppendEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false));
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("axon.domain_event_entry")
                .snapshotTable("axon.snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * The source the pooled processors read, with prompt notice of new events, all through one read of the stream
     * ({@link SharedEventReader}).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public CommitNotifyingEventSource commitNotifyingEventSource(EventStore eventStore, EventStorageEngine engine,
            @Value("${unifiedcrm.processors.poll-interval:PT0.25S}") java.time.Duration pollInterval,
            @Value("${unifiedcrm.processors.wake-up-delay:PT0.005S}") java.time.Duration wakeUpDelay,
            EventGapSettings eventGapSettings,
            @Value("${unifiedcrm.processors.shared-events:16384}") int sharedEvents,
            @Value("${unifiedcrm.processors.fetch-size:1000}") int fetchSize,
            @Value("${unifiedcrm.processors.stall-timeout:PT5S}") java.time.Duration stallTimeout) {
        return new CommitNotifyingEventSource(eventStore,
                engine instanceof PostgresEventStorageEngine postgres ? postgres : null, pollInterval, wakeUpDelay,
                eventGapSettings.warnAfter(),
                new SharedReading(sharedEvents, fetchSize, stallTimeout));
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("axon.token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("axon.saga_entry")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationValueEntryTable("axon.association_value_entry")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .build());
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("axon.dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_identifier")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }
}
