package io.unifiedcrm.identity.projection;

import io.unifiedcrm.projection.runtime.ReadModel;
import java.util.List;
import io.unifiedcrm.infrastructure.axon.PerOrganizationSequencing;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityProcessingConfiguration {

    /** The projection and the tables it owns. */
    @Bean
    ReadModel identityReadModel() {
        return new ReadModel(IdentityProcessingGroup.NAME, List.of("identity.organization", "identity.person", "identity.team", "identity.team_member",
                "identity.person_order", "identity.lead_score_entry"));
    }

    /** A survivor's flags are computed from the rows of the persons merged into it: one organization at a time. */
    @Bean
    ConfigurerModule identitySequencedPerOrganization() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(
                IdentityProcessingGroup.NAME, configuration -> new PerOrganizationSequencing()));
    }
}
