package io.unifiedcrm.crm.pipeline.command;

import io.unifiedcrm.crm.pipeline.api.PipelineCreatedEvent;
import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pipelines of each organization, written in the transaction of their creation (a subscribing processor): at
 * most {@value #MAX_PIPELINES} per organization, the default one included (concurrent creations may each see the
 * others uncommitted and pass it by a few).
 */
@Component
@ProcessingGroup(PipelineRegistry.PROCESSING_GROUP)
class PipelineRegistry {

    static final String PROCESSING_GROUP = "pipeline-lookup";
    /** Pipelines per organization: configuration, not data. */
    static final int MAX_PIPELINES = 100;

    private final JdbcTemplate jdbc;

    PipelineRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PipelineCreatedEvent event) {
        jdbc.update("""
                        INSERT INTO crm.pipeline_lookup (pipeline_id, organization_id) VALUES (?, ?)
                        ON CONFLICT (pipeline_id) DO NOTHING""", event.pipelineId(), event.organizationId());
        Long pipelines = jdbc.queryForObject("SELECT count(*) FROM crm.pipeline_lookup WHERE organization_id = ?",
                Long.class, event.organizationId());
        if (pipelines != null && pipelines > MAX_PIPELINES) {
            throw new DomainRuleViolation(ErrorCode.PIPELINE_LIMIT_REACHED, "name",
                    "An organization has at most " + MAX_PIPELINES + " pipelines, the default one included.");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PipelineRegistryConfiguration {

        @Bean
        ConfigurerModule pipelineLookupWrittenWithTheEvents() {
            return WrittenWithTheEvent.processingGroup(PROCESSING_GROUP);
        }
    }
}
