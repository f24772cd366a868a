package io.unifiedcrm.identity.person.command;

import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonEmailConfiguration {

    /** An e-mail address is claimed with the event that creates the person; a taken address fails the command. */
    @Bean
    ConfigurerModule emailClaimedWithThePerson() {
        return WrittenWithTheEvent.processingGroup(PersonEmailRegistry.PROCESSING_GROUP);
    }
}
