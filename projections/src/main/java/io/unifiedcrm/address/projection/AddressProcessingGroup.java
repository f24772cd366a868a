package io.unifiedcrm.address.projection;

import io.unifiedcrm.projection.runtime.ReadModel;
import java.util.List;
import io.unifiedcrm.address.api.AddressAddedEvent;
import io.unifiedcrm.address.api.AddressChangedEvent;
import io.unifiedcrm.address.api.AddressMadeDefaultEvent;
import io.unifiedcrm.address.api.AddressRemovedEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group of {@code shared.address}. Its events are sequenced per owner, not per address: which
 * address is an owner's default follows the order of the owner's default events, which must therefore be handled
 * one after the other even though they come from different Address aggregates.
 */
@Configuration(proxyBeanMethods = false)
public class AddressProcessingGroup {

    public static final String NAME = "addresses";

    /** The projection and the tables it owns. */
    @Bean
    ReadModel addressReadModel() {
        return new ReadModel(NAME, List.of("shared.address"));
    }

    @Bean
    ConfigurerModule addressesSequencedPerOwner() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(NAME,
                configuration -> AddressProcessingGroup::owner));
    }

    static Object owner(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof AddressAddedEvent added) {
            return added.entityId();
        }
        if (payload instanceof AddressChangedEvent changed) {
            return changed.entityId();
        }
        if (payload instanceof AddressMadeDefaultEvent madeDefault) {
            return madeDefault.entityId();
        }
        if (payload instanceof AddressRemovedEvent removed) {
            return removed.entityId();
        }
        return event.getIdentifier();
    }
}
