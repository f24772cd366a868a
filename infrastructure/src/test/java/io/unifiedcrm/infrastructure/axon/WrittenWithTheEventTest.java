package io.unifiedcrm.infrastructure.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WrittenWithTheEventTest {

    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @ProcessingGroup("claims")
    static class Claims {
        final List<String> claimed = new ArrayList<>();

        @EventHandler
        void on(String claim) {
            if (claim.equals("taken")) {
                throw new IllegalStateException("taken");
            }
            claimed.add(claim);
        }
    }

    @Test
    void aGroupHandlesItsEventsInThePublishersThreadAndNeverSeesOthers() {
        Claims claims = new Claims();
        List<Object> intercepted = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        DefaultConfigurer configurer = (DefaultConfigurer) DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine());
        WrittenWithTheEvent.processingGroup("claims").configureModule(configurer);
        configurer.eventProcessing().registerEventHandler(config -> claims)
                .registerHandlerInterceptor("claims", config -> (MessageHandlerInterceptor<EventMessage<?>>)
                        (unitOfWork, chain) -> {
                            intercepted.add(unitOfWork.getMessage().getPayload());
                            return chain.proceed();
                        })
                .registerMessageMonitor("claims", config -> message -> {
                    seen.add(message.getPayload());
                    return NoOpMessageMonitorCallback.INSTANCE;
                });
        axon = configurer.start();

        axon.eventBus().publish(GenericEventMessage.asEventMessage(42), GenericEventMessage.asEventMessage("mine"),
                GenericEventMessage.asEventMessage(7L));

        assertThat(claims.claimed).containsExactly("mine");
        assertThat(intercepted).containsExactly("mine");
        assertThat(seen).as("not even asked about, nor metered as ignored: events no handler takes")
                .containsExactly("mine");
        assertThatThrownBy(() -> axon.eventBus().publish(GenericEventMessage.asEventMessage("taken")))
                .as("a failing handler fails the publisher").isInstanceOf(IllegalStateException.class).hasMessage("taken");
    }
}
