package io.unifiedcrm.infrastructure.axon;

import io.unifiedcrm.shared.DomainErrorDetails;
import io.unifiedcrm.shared.DomainRuleViolation;
import io.unifiedcrm.shared.ErrorCode;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Turns domain rule violations thrown by command handlers into Axon's {@link CommandExecutionException} with
 * {@link DomainErrorDetails}: the form in which an exception's meaning survives the trip back over a distributed
 * command bus (Axon Server). The REST layer maps the details in one place.
 */
@Component
public class DomainExceptionTranslator implements MessageHandlerInterceptor<CommandMessage<?>>, InitializingBean {

    private final CommandBus commandBus;

    public DomainExceptionTranslator(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void afterPropertiesSet() {
        commandBus.registerHandlerInterceptor(this);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (DomainRuleViolation violation) {
            throw detailed(violation);
        } catch (AggregateNotFoundException | org.axonframework.eventsourcing.IncompatibleAggregateException notFound) {
            // also an id of another type's aggregate (ids are unique across types): for this command it is unknown
            throw detailed(DomainRuleViolation.notFound());
        } catch (org.axonframework.common.lock.DeadlockException crossedWithAnother) {
            // two commands each holding one aggregate the other needs (e.g. merging A into B and B into A)
            throw detailed(new DomainRuleViolation(ErrorCode.CONCURRENT_MODIFICATION, null,
                    "Another change to the same resources ran at the same moment; retry."));
        } catch (ConflictingAggregateVersionException staleVersion) {
            throw detailed(new DomainRuleViolation(ErrorCode.VERSION_MISMATCH, null,
                    "The resource is at another version than If-Match names; read it again."));
        }
    }

    private static CommandExecutionException detailed(DomainRuleViolation violation) {
        // no cause and no stack trace: the details are the whole message
        return new CommandExecutionException(violation.getMessage(), null, DomainErrorDetails.of(violation), false);
    }
}
