package io.unifiedcrm.platform.definition.command;

import io.unifiedcrm.identity.organization.api.OrganizationCreatedEvent;
import io.unifiedcrm.infrastructure.axon.WrittenWithTheEvent;
import io.unifiedcrm.platform.definition.api.CreateObjectDefinitionCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Every organization has the system object types {@code contact} and {@code company}: they are defined in the
 * unit of work (and transaction) that creates the organization, with ids derived from the organization's, so an
 * organization never exists without them.
 */
@Component
@ProcessingGroup(SystemObjectTypes.PROCESSING_GROUP)
class SystemObjectTypes {

    static final String PROCESSING_GROUP = "system-object-types";

    static final Map<String, Object> CONTACT_SCHEMA = Map.of("type", "object", "properties", Map.of(
            "name", Map.of("type", "string", "maxLength", 200),
            "email", Map.of("type", "string", "maxLength", 254),
            "jobTitle", Map.of("type", "string", "maxLength", 200),
            "department", Map.of("type", "string", "maxLength", 200)));
    static final Map<String, Object> COMPANY_SCHEMA = Map.of("type", "object", "required", List.of("name"),
            "properties", Map.of(
                    "name", Map.of("type", "string", "minLength", 1, "maxLength", 200),
                    "domain", Map.of("type", "string", "maxLength", 253),
                    "industry", Map.of("type", "string", "maxLength", 100),
                    "size", Map.of("type", "integer", "minimum", 0)));

    private final CommandGateway commands;

    SystemObjectTypes(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(OrganizationCreatedEvent event) {
        commands.sendAndWait(new CreateObjectDefinitionCommand(idOf(event.organizationId(), "contact"),
                event.organizationId(), "contact", "contacts", CONTACT_SCHEMA, "name", "person", null,
                List.of("search"), null, true));
        commands.sendAndWait(new CreateObjectDefinitionCommand(idOf(event.organizationId(), "company"),
                event.organizationId(), "company", "companies", COMPANY_SCHEMA, "name", "building", null,
                List.of("search"), null, true));
    }

    static UUID idOf(UUID organizationId, String objectType) {
        return UUID.nameUUIDFromBytes((organizationId + "/" + objectType).getBytes(StandardCharsets.UTF_8));
    }

    @Configuration(proxyBeanMethods = false)
    static class SystemObjectTypesConfiguration {

        @Bean
        ConfigurerModule systemObjectTypesWithTheOrganization() {
            return WrittenWithTheEvent.processingGroup(PROCESSING_GROUP);
        }
    }
}
