package io.unifiedcrm.infrastructure.axon;

import io.unifiedcrm.infrastructure.security.CallerAuthentication;
import io.unifiedcrm.infrastructure.security.OrganizationCaller;
import io.unifiedcrm.infrastructure.web.CorrelationIdFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.slf4j.MDC;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stamps every command dispatched while serving a request with who sent it, for which organization, and the
 * request's correlation id. {@link AuditCorrelationDataProvider} carries them on to the resulting events.
 * Runs in the dispatching (HTTP) thread, where the security and logging contexts are.
 */
@Component
public class CommandAuditInterceptor implements MessageDispatchInterceptor<CommandMessage<?>>, InitializingBean {

    private final CommandBus commandBus;

    public CommandAuditInterceptor(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void afterPropertiesSet() {
        commandBus.registerDispatchInterceptor(this);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        return (index, command) -> {
            Map<String, Object> audit = new HashMap<>();
            if (authentication instanceof CallerAuthentication caller) {
                audit.put(AuditMetadata.ACTOR, caller.caller().actor());
                if (caller.caller() instanceof OrganizationCaller organizationCaller) {
                    audit.put(AuditMetadata.ORGANIZATION_ID, organizationCaller.organizationId().toString());
                }
            }
            if (correlationId != null) {
                audit.put(AuditMetadata.CORRELATION_ID, correlationId);
            }
            return command.andMetaData(audit);
        };
    }
}
