package io.unifiedcrm.projection.runtime.deadletters;

import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * A sequenced dead-letter queue for every processing group that runs as a pooled streaming processor — the
 * projections, and the command side's asynchronous reactions — in table {@code axon.dead_letter_entry} of the same
 * database, written in the processor's own transaction (Axon's JDBC queue, the JDBC counterpart of its JPA queue: our
 * Axon storage is JDBC throughout). Left out: groups {@link WrittenWithTheEvent} (subscribing processors, whose
 * failure must fail the command) and sagas.
 *
 * <p>Only in an application that administers dead letters ({@link DeadLetterAdministration}), and unless
 * {@code unifiedcrm.dead-letters.enabled} is false. When a handler fails, its event is rolled back to its savepoint ({@link EventSavepoints}) and parked with its
 * sequence (the group's sequencing policy: an organization, an owner or an aggregate): later events of that sequence
 * are parked behind it, unhandled, until the sequence is retried or evicted; every other sequence keeps flowing. A
 * replay (reset) of the group clears its queue, since it handles every event again. The invoker keeps a cache of the
 * sequences it knows not to be parked, so an event of a group without dead letters costs no query.
 */
public class DeadLetterQueues implements ConfigurerModule {

    private final ListableBeanFactory beans;
    private final DeadLetterSettings settings;
    private final EventSavepoints savepoints;
    private final ConnectionProvider connectionProvider;
    private final TransactionManager transactionManager;
    private final DeadLetterSchema schema;
    private final Serializer genericSerializer;
    private final Serializer eventSerializer;

    public DeadLetterQueues(ListableBeanFactory beans, DeadLetterSettings settings, EventSavepoints savepoints,
                            ConnectionProvider connectionProvider, TransactionManager transactionManager,
                            DeadLetterSchema schema, Serializer genericSerializer, Serializer eventSerializer) {
        this.beans = beans;
        this.settings = settings;
        this.savepoints = savepoints;
        this.connectionProvider = connectionProvider;
        this.transactionManager = transactionManager;
        this.schema = schema;
        this.genericSerializer = genericSerializer;
        this.eventSerializer = eventSerializer;
    }

    @Override
    public void configureModule(Configurer configurer) {
        if (!settings.enabled() || beans.getBeanNamesForType(DeadLetterAdministration.class).length == 0) {
            return;
        }
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing.registerDefaultDeadLetterPolicy(config -> new DeadLetterPolicy());
        for (String group : deadLetteredGroups()) {
            processing.registerDeadLetterQueue(group, config -> new StringSequenceIdentifiers<>(queue(group)))
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, invoker) -> invoker
                            .listenerInvocationErrorHandler(savepoints)
                            .handlerDefinition(MultiHandlerDefinition.ordered(
                                    List.of(config.handlerDefinition(Object.class)), savepoints))
                            .enableSequenceIdentifierCache()
                            .allowReset(true))
                    // processor name = processing group name: no group is assigned to another processor
                    .registerHandlerInterceptor(group, config -> savepoints);
        }
    }

    private JdbcSequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(group)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .genericSerializer(genericSerializer)
                .eventSerializer(eventSerializer)
                .maxSequences(settings.maxSequences())
                .maxSequenceSize(settings.maxSequenceSize())
                .build();
    }

    /** The processing groups of the application's event handlers, but for sagas and groups written with the event. */
    Set<String> deadLetteredGroups() {
        Set<String> groups = new TreeSet<>();
        for (String bean : beans.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            ProcessingGroup group = beans.findAnnotationOnBean(bean, ProcessingGroup.class);
            if (group != null && beans.findAnnotationOnBean(bean, Saga.class) == null) {
                groups.add(group.value());
            }
        }
        beans.getBeansOfType(ConfigurerModule.class).values().stream()
                .filter(WrittenWithTheEvent.Group.class::isInstance)
                .map(module -> ((WrittenWithTheEvent.Group) module).name())
                .forEach(groups::remove);
        return groups;
    }
}
