package io.unifiedcrm.crm.pipeline.command;

import io.unifiedcrm.crm.deal.api.DealCreatedEvent;
import io.unifiedcrm.crm.deal.api.DealLostEvent;
import io.unifiedcrm.crm.deal.api.DealReopenedEvent;
import io.unifiedcrm.crm.deal.api.DealStageMovedEvent;
import io.unifiedcrm.crm.deal.api.DealWonEvent;
import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import java.util.UUID;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which stage every deal is in, in {@code crm.deal_stage_lookup}, written in the transaction of the deal's events (a
 * subscribing processor): a pipeline asks it before it changes a stage's flags or removes a stage. A deal's commands
 * hold the pipeline's lock while they run, so a deal cannot enter a stage between the question and the removal.
 */
@Component
@ProcessingGroup(DealsPerStage.PROCESSING_GROUP)
public class DealsPerStage {

    static final String PROCESSING_GROUP = "deal-stage-lookup";

    private final JdbcTemplate jdbc;

    public DealsPerStage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DealCreatedEvent event) {
        jdbc.update("""
                        INSERT INTO crm.deal_stage_lookup (deal_id, organization_id, pipeline_id, stage_id)
                        VALUES (?, ?, ?, ?) ON CONFLICT (deal_id) DO NOTHING""",
                event.dealId(), event.organizationId(), event.pipelineId(), event.stageId());
    }

    @EventHandler
    void on(DealStageMovedEvent event) {
        moved(event.dealId(), event.stageId());
    }

    @EventHandler
    void on(DealWonEvent event) {
        moved(event.dealId(), event.stageId());
    }

    @EventHandler
    void on(DealLostEvent event) {
        moved(event.dealId(), event.stageId());
    }

    @EventHandler
    void on(DealReopenedEvent event) {
        moved(event.dealId(), event.stageId());
    }

    /** Whether the deal exists in the organization (a deal is in the lookup from its creation on). */
    public boolean contains(UUID organizationId, UUID dealId) {
        Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM crm.deal_stage_lookup WHERE deal_id = ? "
                + "AND organization_id = ?)", Boolean.class, dealId, organizationId);
        return Boolean.TRUE.equals(exists);
    }

    /** How many deals of the organization are in the stage. */
    public long dealsIn(UUID organizationId, UUID stageId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM crm.deal_stage_lookup WHERE stage_id = ? "
                + "AND organization_id = ?", Long.class, stageId, organizationId);
        return count == null ? 0 : count;
    }

    private void moved(UUID dealId, UUID stageId) {
        jdbc.update("UPDATE crm.deal_stage_lookup SET stage_id = ? WHERE deal_id = ?", stageId, dealId);
    }

    @Configuration(proxyBeanMethods = false)
    static class DealsPerStageConfiguration {

        @Bean
        ConfigurerModule dealStagesWrittenWithTheEvents() {
            return WrittenWithTheEvent.processingGroup(PROCESSING_GROUP);
        }
    }
}
