package io.unifiedcrm.crm.projection;

import io.unifiedcrm.projection.runtime.ReadModel;
import java.util.List;
import io.unifiedcrm.infrastructure.axon.PerOrganizationSequencing;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processing group of the {@code crm} read models (contacts, activities). Its events are sequenced per
 * organization, not per aggregate: a contact's lastContactedAt and last purchase are computed from activity rows that
 * other aggregates' events wrote (Activity and Order events land on the contact row of a Person). Sequenced per
 * aggregate, two segments could each write in a transaction that does not see the other's uncommitted rows (a contact
 * made while a call is logged would miss the call); one organization at a time, every handler sees every earlier
 * event's rows, and a replay computes exactly what live processing did.
 */
@Configuration(proxyBeanMethods = false)
public class CrmProcessingGroup {

    public static final String NAME = "crm";

    /** The projection and the tables it owns. */
    @Bean
    ReadModel crmReadModel() {
        return new ReadModel(NAME, List.of("crm.contact", "crm.activity", "crm.order_total", "crm.pipeline", "crm.pipeline_stage", "crm.deal",
                "crm.deal_stage_history"));
    }

    @Bean
    ConfigurerModule crmSequencedPerOrganization() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerSequencingPolicy(NAME,
                configuration -> new PerOrganizationSequencing()));
    }
}
