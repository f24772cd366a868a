package io.unifiedcrm.search.projection;

import io.unifiedcrm.projection.runtime.ReadModel;
import java.util.List;
import io.unifiedcrm.infrastructure.axon.PerOrganizationSequencing;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group of {@code system.search_document}: one document per person, company, product, deal and custom
 * record, each built from its own aggregate's events alone — except records, whose documents also depend on their
 * object type (the search feature, the display property, the string properties of the schema in force). So the
 * platform's events (object definitions and records) are sequenced per organization — a definition's change and the
 * records it re-indexes are applied in the order of the stream, in one segment, and a replay computes what live
 * processing did — while persons, products and deals keep the default sequencing per aggregate and spread over the
 * segments.
 */
@Configuration(proxyBeanMethods = false)
public class SearchProcessingGroup {

    public static final String NAME = "search";

    /** The projection and the tables it owns. */
    @Bean
    ReadModel searchReadModel() {
        return new ReadModel(NAME, List.of("system.search_document", "system.search_object_type"));
    }

    @Bean
    ConfigurerModule searchSequencing() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(NAME,
                configuration -> new PlatformPerOrganization()));
    }

    /** Platform events one organization at a time, everything else per aggregate. */
    static final class PlatformPerOrganization implements SequencingPolicy<EventMessage<?>> {

        private final PerOrganizationSequencing perOrganization = new PerOrganizationSequencing();

        @Override
        public Object getSequenceIdentifierFor(EventMessage<?> event) {
            return event.getPayloadType().getPackageName().startsWith("io.unifiedcrm.platform.")
                    ? perOrganization.getSequenceIdentifierFor(event)
                    : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        }
    }
}
