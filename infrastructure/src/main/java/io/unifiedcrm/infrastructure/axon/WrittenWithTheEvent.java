package io.unifiedcrm.infrastructure.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * Command-side tables kept in step with events inside the command's own transaction (set-based validation,
 * credentials): the processing group runs as a subscribing processor, and a failure in one of its handlers fails
 * the command, so the event is not stored either.
 */
public final class WrittenWithTheEvent {

    private WrittenWithTheEvent() {
    }

    public static ConfigurerModule processingGroup(String name) {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(name)
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
    }
}
