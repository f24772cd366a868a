package io.unifiedcrm.infrastructure.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How messages are serialized and processed, the same in every application.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfiguration {

    /**
     * One Jackson serializer for events, snapshots, tokens, sagas and dead letters. It has its own ObjectMapper:
     * the HTTP mapper may become stricter (unknown properties) without making old events unreadable.
     */
    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(messageObjectMapper())
                .revisionResolver(revisionResolver)
                .build();
    }

    static ObjectMapper messageObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Events are forever: a field removed from a record must not make old events unreadable.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    /**
     * Every processing group runs as a pooled streaming processor unless configured otherwise: projections can be
     * replayed and split into segments shared by several instances.
     */
    @Bean
    public ConfigurerModule pooledStreamingProcessorsByDefault(
            @Value("${unifiedcrm.processors.initial-segments:2}") int initialSegments,
            @Value("${unifiedcrm.processors.batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (config, builder) -> builder.initialSegmentCount(initialSegments).batchSize(batchSize));
    }
}
