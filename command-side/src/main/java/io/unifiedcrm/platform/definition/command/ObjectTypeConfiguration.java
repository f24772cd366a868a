package io.unifiedcrm.platform.definition.command;

import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObjectTypeConfiguration {

    /** A type name is claimed with the event that defines the type; a taken name fails the command. */
    @Bean
    ConfigurerModule objectTypeNameClaimedWithTheDefinition() {
        return WrittenWithTheEvent.processingGroup(ObjectTypeRegistry.PROCESSING_GROUP);
    }
}
