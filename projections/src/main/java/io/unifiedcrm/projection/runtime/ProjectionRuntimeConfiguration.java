package io.unifiedcrm.projection.runtime;

import io.unifiedcrm.infrastructure.axon.CommitNotifyingEventSource;
import io.unifiedcrm.infrastructure.processing.ProcessorSettings;
import io.unifiedcrm.projection.runtime.deadletters.EventSavepoints;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projection runtime's processors and batched writes, in every application that runs the projections. Each
 * projection declares itself and its tables as a {@link ReadModel} bean. Processing groups that are no projection
 * (sagas, the command side's reactions) keep the default pooled streaming processors of infrastructure's
 * {@code AxonMessagingConfiguration}, whose {@link ProcessorSettings} these share. The dead-letter queues are
 * configured in {@link io.unifiedcrm.projection.runtime.deadletters.DeadLetterConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionRuntimeConfiguration {

    /** How projections read and write their tables: writes deferred to the end of a batch. */
    @Bean
    public ReadModelJdbc readModelJdbc(JdbcTemplate jdbc) {
        return new ReadModelJdbc(jdbc);
    }

    /** The projections' processors: batched writes ({@link ProjectionProcessors}). */
    @Bean
    public ProjectionProcessors projectionProcessors(ObjectProvider<ReadModel> readModels, ProcessorSettings settings,
                                                     JdbcTemplate jdbc, EventSavepoints savepoints,
                                                     ObjectProvider<CommitNotifyingEventSource> notifyingSource,
                                                     MeterRegistry meters) {
        return new ProjectionProcessors(readModels.orderedStream().toList(), settings, jdbc, savepoints,
                notifyingSource::getIfAvailable, meters);
    }
}
