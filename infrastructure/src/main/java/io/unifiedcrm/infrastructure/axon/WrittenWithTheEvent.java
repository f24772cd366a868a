package io.unifiedcrm.infrastructure.axon;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * Command-side tables kept in step with events inside the command's own transaction (set-based validation,
 * credentials): the processing group runs as a subscribing processor, and a failure in one of its handlers fails
 * the command, so the event is not stored either. Such a group never has a dead-letter queue (a dead letter would
 * let the command succeed without its table).
 */
public final class WrittenWithTheEvent {

    private WrittenWithTheEvent() {
    }

    public static ConfigurerModule processingGroup(String name) {
        return new Group(name);
    }

    /** The configuration of one such processing group; its type tells the dead-letter configuration to leave it out. */
    public record Group(String name) implements ConfigurerModule {

        @Override
        public void configureModule(Configurer configurer) {
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(name,
                            configuration -> new HandledEventsOnly(configuration, name))
                    .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
        }
    }
}
