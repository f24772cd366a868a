package io.unifiedcrm.identity.organization.command;

import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    /** Credentials are written with their event, and a failure to write one fails the command. */
    @Bean
    ConfigurerModule credentialsWrittenWithTheirEvents() {
        return WrittenWithTheEvent.processingGroup(ApiKeyRegistry.PROCESSING_GROUP);
    }
}
