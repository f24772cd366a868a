package io.unifiedcrm.infrastructure.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import io.unifiedcrm.infrastructure.processing.ProcessorErrors;
import io.unifiedcrm.infrastructure.security.FirstApiKeyIsAdmin;
import io.unifiedcrm.infrastructure.processing.ProcessorSettings;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How messages are serialized and processed, the same in every application.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfiguration {

    /**
     * One Jackson serializer for events, snapshots, tokens, sagas and dead letters. It has its own ObjectMapper:
     * the HTTP mapper may become stricter (unknown properties) without making old events unreadable.
     */
    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(messageObjectMapper())
                .revisionResolver(revisionResolver)
                .build();
    }

    static ObjectMapper messageObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Events are forever: a field removed from a record must not make old events unreadable.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Upcasters: Axon's Spring support puts every EventUpcaster bean into the chain every event read goes through. */
    @Bean
    public FirstApiKeyIsAdmin firstApiKeyIsAdmin() {
        return new FirstApiKeyIsAdmin();
    }

    /** The command gateway, retrying commands that lost a race for an aggregate's next sequence number. */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus,
                                         @Value("${unifiedcrm.commands.max-retries:5}") int maxRetries) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                    Thread thread = new Thread(runnable, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrentWriteRetryScheduler(retries, maxRetries, 20))
                .build();
    }

    @Bean
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new AxonMetricRegistry(meterRegistry);
    }

    /**
     * Recently used aggregates, bounded in total; each aggregate type uses its own part of it (a
     * {@link TypedAggregateCache} named in {@code @Aggregate(cache = ...)}).
     */
    @Bean
    @Primary
    public Cache aggregateCache(@Value("${unifiedcrm.commands.aggregate-cache-size:10000}") long maximumSize) {
        return new BoundedAggregateCache(maximumSize);
    }

    /** Axon's transactions are Spring's; a command inside a request's transaction gets a savepoint. */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions, DataSource dataSource) {
        return new SavepointPerCommandTransactionManager(transactions, dataSource);
    }

    /** Which organization each aggregate belongs to, written with its first event. */
    @Bean
    public AggregateOwners aggregateOwners(EventBus eventBus, JdbcTemplate jdbc,
                                           @Value("${unifiedcrm.commands.aggregate-owners-remembered:20000}")
                                           long remembered, MeterRegistry meterRegistry) {
        return new AggregateOwners(eventBus, jdbc, remembered, meterRegistry);
    }

    /** The locks of every aggregate ({@code @Aggregate(lockFactory = ...)}): none for another organization's. */
    @Bean(OrganizationCheckedLocks.BEAN_NAME)
    public OrganizationCheckedLocks organizationCheckedLocks(AggregateOwners aggregateOwners) {
        return new OrganizationCheckedLocks(aggregateOwners);
    }

    @Bean
    public RequestTransactionsCacheNoAggregates requestTransactionsCacheNoAggregates(EventBus eventBus,
                                                                                     Cache aggregateCache) {
        return new RequestTransactionsCacheNoAggregates(eventBus, aggregateCache);
    }

    /** Each aggregate's part of {@link #aggregateCache}, under the name its {@code @Aggregate(cache = ...)} gives. */
    @Bean
    public static TypedAggregateCaches typedAggregateCaches() {
        return new TypedAggregateCaches();
    }

    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    /**
     * Every processing group runs as a pooled streaming processor unless configured otherwise: projections can be
     * replayed and split into segments shared by several instances. A handler's failure is never logged and passed
     * over (Axon's default): a read model never silently misses an event (ARCHITECTURE §3). In a group with a
     * dead-letter queue (the projection runtime's {@code DeadLetterQueues}) the failed event is
     * dead-lettered and its sequence parked; without one, the failure fails the batch, which the processor retries.
     */
    @Bean
    public ProcessorSettings processorSettings(
            @Value("${unifiedcrm.processors.initial-segments:2}") int initialSegments,
            @Value("${unifiedcrm.processors.batch-size:500}") int batchSize,
            @Value("${unifiedcrm.processors.worker-threads:4}") int workerThreads) {
        return new ProcessorSettings(initialSegments, batchSize, workerThreads);
    }

    @Bean
    public ConfigurerModule pooledStreamingProcessorsByDefault(ProcessorSettings settings,
            ObjectProvider<CommitNotifyingEventSource> notifyingSource, ProcessorErrors errors) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(config -> errors.recordingThenPropagating())
                .usingPooledStreamingEventProcessors(
                (config, builder) -> {
                    CommitNotifyingEventSource source = notifyingSource.getIfAvailable();
                    if (source != null) {
                        builder.messageSource(source);
                    }
                    return builder.initialSegmentCount(settings.initialSegments()).batchSize(settings.batchSize());
                });
    }
}
