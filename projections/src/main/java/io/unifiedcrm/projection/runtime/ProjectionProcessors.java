package io.unifiedcrm.projection.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.unifiedcrm.infrastructure.axon.CommitNotifyingEventSource;
import io.unifiedcrm.infrastructure.processing.ProcessorSettings;
import io.unifiedcrm.projection.runtime.deadletters.EventSavepoints;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event processors of the projections ({@link ReadModel}s): pooled streaming processors, as every processing
 * group has, whose handlers run through a {@link BatchingInvoker} — a batch's read-model writes go to the database
 * as JDBC batches when it commits, with no savepoint per event. Processing groups that are no projection (sagas, the
 * command side's reactions) keep Axon's processors as configured in {@code AxonMessagingConfiguration}.
 */
public class ProjectionProcessors implements ConfigurerModule {

    private final List<ReadModel> readModels;
    private final ProcessorSettings settings;
    private final JdbcTemplate jdbc;
    private final EventSavepoints savepoints;
    private final Supplier<CommitNotifyingEventSource> source;
    private final MeterRegistry meters;

    /**
     * @param source the event source with prompt notice of commits, or a supplier of null where there is none (Axon
     *               Server): asked for when the processors are built, since it depends on Axon's configuration
     */
    public ProjectionProcessors(List<ReadModel> readModels, ProcessorSettings settings, JdbcTemplate jdbc,
                                EventSavepoints savepoints, Supplier<CommitNotifyingEventSource> source,
                                MeterRegistry meters) {
        this.readModels = List.copyOf(readModels);
        this.settings = settings;
        this.jdbc = jdbc;
        this.savepoints = savepoints;
        this.source = source;
        this.meters = meters;
    }

    @Override
    public void configureModule(Configurer configurer) {
        for (ReadModel readModel : readModels) {
            // processor name = processing group name: no group is assigned to another processor
            configurer.eventProcessing().registerEventProcessor(readModel.group(), this::processor);
        }
    }

    /** Builds a group's processor as Axon's configuration would, around a batching invoker. */
    private EventProcessor processor(String name, Configuration configuration, EventHandlerInvoker handlers) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        boolean recovers = processing.deadLetterQueue(name).isPresent();
        ScheduledExecutorService coordinator = Executors.newScheduledThreadPool(1,
                new AxonThreadFactory("Coordinator[" + name + "]"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(settings.workerThreads(),
                new AxonThreadFactory("WorkPackage[" + name + "]"));
        configuration.onShutdown(coordinator::shutdown);
        configuration.onShutdown(workers::shutdown);
        return PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(new BatchingInvoker(handlers, jdbc, savepoints, recovers, tablesOf(name),
                        new ReadModelDelay(name, meters)))
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(processing.messageMonitor(PooledStreamingEventProcessor.class, name))
                .messageSource(messageSource(configuration))
                .tokenStore(processing.tokenStore(name))
                .transactionManager(processing.transactionManager(name))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .spanFactory(configuration.getComponent(EventProcessorSpanFactory.class))
                .initialSegmentCount(settings.initialSegments())
                .batchSize(settings.batchSize())
                .build();
    }

    private List<String> tablesOf(String group) {
        return readModels.stream().filter(readModel -> readModel.group().equals(group)).findFirst()
                .map(ReadModel::tables).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private StreamableMessageSource<TrackedEventMessage<?>> messageSource(Configuration configuration) {
        CommitNotifyingEventSource notifying = source.get();
        return notifying != null ? notifying
                : (StreamableMessageSource<TrackedEventMessage<?>>) (StreamableMessageSource<?>)
                        configuration.eventStore();
    }
}
