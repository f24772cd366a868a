package io.unifiedcrm.crm.pipeline.command;

import io.unifiedcrm.crm.pipeline.api.CreatePipelineCommand;
import io.unifiedcrm.crm.pipeline.api.NewPipelineStage;
import io.unifiedcrm.identity.organization.api.OrganizationCreatedEvent;
import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Every organization has a sales pipeline: it is created in the unit of work (and transaction) that creates the
 * organization, with its id and its stages' ids derived from the organization's, so an organization never exists
 * without it. Its stages follow HubSpot's default deal pipeline.
 */
@Component
@ProcessingGroup(DefaultPipeline.PROCESSING_GROUP)
public class DefaultPipeline {

    static final String PROCESSING_GROUP = "default-pipeline";
    static final String NAME = "Sales pipeline";

    private final CommandGateway commands;

    DefaultPipeline(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(OrganizationCreatedEvent event) {
        commands.sendAndWait(new CreatePipelineCommand(idOf(event.organizationId()), event.organizationId(), NAME,
                stagesOf(event.organizationId()), true));
    }

    /** The id of the organization's default pipeline. */
    public static UUID idOf(UUID organizationId) {
        return derived(organizationId, "pipeline/default");
    }

    /** The id of a stage of the organization's default pipeline, by its key (e.g. {@code closed_won}). */
    public static UUID stageIdOf(UUID organizationId, String key) {
        return derived(organizationId, "pipeline/default/stage/" + key);
    }

    static List<NewPipelineStage> stagesOf(UUID organizationId) {
        return List.of(
                stage(organizationId, "appointment_scheduled", "Appointment scheduled", "20", "pipeline", false),
                stage(organizationId, "qualified_to_buy", "Qualified to buy", "40", "pipeline", false),
                stage(organizationId, "presentation_scheduled", "Presentation scheduled", "60", "best_case", false),
                stage(organizationId, "decision_maker_bought_in", "Decision maker bought-in", "80", "best_case",
                        false),
                stage(organizationId, "contract_sent", "Contract sent", "90", "commit", false),
                new NewPipelineStage(stageIdOf(organizationId, "closed_won"), "Closed won", new BigDecimal("100"),
                        "closed", true, true),
                new NewPipelineStage(stageIdOf(organizationId, "closed_lost"), "Closed lost", BigDecimal.ZERO,
                        "omitted", true, false));
    }

    private static NewPipelineStage stage(UUID organizationId, String key, String name, String probability,
                                          String forecastCategory, boolean closed) {
        return new NewPipelineStage(stageIdOf(organizationId, key), name, new BigDecimal(probability),
                forecastCategory, closed, false);
    }

    private static UUID derived(UUID organizationId, String path) {
        return UUID.nameUUIDFromBytes((organizationId + "/" + path).getBytes(StandardCharsets.UTF_8));
    }

    @Configuration(proxyBeanMethods = false)
    static class DefaultPipelineConfiguration {

        @Bean
        ConfigurerModule defaultPipelineWithTheOrganization() {
            return WrittenWithTheEvent.processingGroup(PROCESSING_GROUP);
        }
    }
}
