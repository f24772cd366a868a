package io.unifiedcrm.timeline.projection;

import io.unifiedcrm.projection.runtime.ReadModel;
import java.util.List;
import io.unifiedcrm.infrastructure.axon.PerOrganizationSequencing;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group of the timeline ({@code system.timeline_entry}, {@code system.timeline_subject}). Its events
 * are sequenced per organization, not per aggregate: an entry can depend on rows that another aggregate's events wrote
 * — an association's entry for the person whose record is at the other end, and the names a summary shows (the stage a
 * deal moved to, the person merged in, the other record). Sequenced per aggregate, two segments could handle those
 * events in either order, and an entry would miss the other end's person or show another name than a replay does; one
 * organization at a time, in the order of the stream, every handler sees every earlier event's rows, live and in a
 * replay alike.
 */
@Configuration(proxyBeanMethods = false)
public class TimelineProcessingGroup {

    public static final String NAME = "timeline";

    /** The projection and the tables it owns. */
    @Bean
    ReadModel timelineReadModel() {
        return new ReadModel(NAME, List.of("system.timeline_entry", "system.timeline_subject"));
    }

    @Bean
    ConfigurerModule timelineSequencedPerOrganization() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(NAME,
                configuration -> new PerOrganizationSequencing()));
    }
}
