package io.unifiedcrm.projection.runtime.deadletters;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dead-letter queues of the pooled streaming processors and the savepoints they rely on (README, "Dead letters"). */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    public DeadLetterSettings deadLetterSettings(
            @Value("${unifiedcrm.dead-letters.enabled:true}") boolean enabled,
            @Value("${unifiedcrm.dead-letters.max-sequences:1024}") int maxSequences,
            @Value("${unifiedcrm.dead-letters.max-sequence-size:10000}") int maxSequenceSize) {
        return new DeadLetterSettings(enabled, maxSequences, maxSequenceSize);
    }

    @Bean
    public EventSavepoints eventSavepoints(DataSource dataSource, ObjectProvider<SavepointParticipant> participants) {
        return new EventSavepoints(dataSource, participants.orderedStream().toList());
    }

    @Bean
    public DeadLetterQueues deadLetterQueues(ListableBeanFactory beans, DeadLetterSettings settings,
                                             EventSavepoints savepoints, ConnectionProvider connectionProvider,
                                             TransactionManager transactionManager, DeadLetterSchema schema,
                                             Serializer genericSerializer,
                                             @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new DeadLetterQueues(beans, settings, savepoints, connectionProvider, transactionManager, schema,
                genericSerializer, eventSerializer);
    }
}
