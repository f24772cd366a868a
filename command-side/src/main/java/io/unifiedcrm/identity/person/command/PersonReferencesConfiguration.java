package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonReferencesConfiguration {

    /**
     * A reference to a person is recorded in the transaction of the event that makes it: with the JDBC event store
     * never missing, whatever the processors do (with Axon Server the append and this commit are not one).
     */
    @Bean
    ConfigurerModule personReferencesWrittenWithTheEvents() {
        return WrittenWithTheEvent.processingGroup(PersonReferences.PROCESSING_GROUP);
    }
}
