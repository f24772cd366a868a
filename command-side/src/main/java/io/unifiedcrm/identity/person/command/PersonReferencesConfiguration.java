package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonReferencesConfiguration {

    /** A reference to a person is recorded with the event that makes it: never missing, whatever the processors do. */
    @Bean
    ConfigurerModule personReferencesWrittenWithTheEvents() {
        return WrittenWithTheEvent.processingGroup(PersonReferences.PROCESSING_GROUP);
    }
}
