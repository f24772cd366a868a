package io.unifiedcrm.identity.organization.command;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    /** Credentials are written with their event, and a failure to write one fails the command. */
    @Bean
    ConfigurerModule credentialsWrittenWithTheirEvents() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ApiKeyRegistry.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ApiKeyRegistry.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }
}
